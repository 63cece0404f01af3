#pragma once
#include <vector>

namespace waypoint::store {

// One page of a list. Lists fetch one row more than they show, to know whether another page follows.
struct PageRequest {
  int number = 1;
  int size = 25;
  int offset() const { return (number - 1) * size; }
};

template <typename T>
struct Page {
  std::vector<T> items;
  int number = 1;
  bool has_next = false;
};

template <typename T>
Page<T> make_page(std::vector<T> fetched, const PageRequest& req) {
  Page<T> p;
  p.number = req.number;
  p.has_next = static_cast<int>(fetched.size()) > req.size;
  if (p.has_next) fetched.resize(static_cast<std::size_t>(req.size));
  p.items = std::move(fetched);
  return p;
}

}  // namespace waypoint::store
