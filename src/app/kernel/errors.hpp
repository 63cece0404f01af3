#pragma once
// What a use case refuses with. The web layer turns these into 403, 404 and 422 answers.
#include <stdexcept>
#include <string>

#include "domain/kernel/field_error.hpp"

namespace waypoint::app {

class Denied : public std::runtime_error {
 public:
  enum Audit { NotYetAudited, Audited };
  explicit Denied(Audit audit = NotYetAudited)
      : std::runtime_error("You do not have permission to do this"), audited_(audit == Audited) {}
  // The envelope records its refusals itself; the web layer records the rest.
  bool audited() const { return audited_; }

 private:
  bool audited_;
};

class NotFound : public std::runtime_error {
 public:
  NotFound() : std::runtime_error("Not found") {}
};

class Invalid : public std::runtime_error {
 public:
  explicit Invalid(domain::FieldErrors errors)
      : std::runtime_error("The details entered need correcting"), errors_(std::move(errors)) {}
  explicit Invalid(std::string field, std::string message)
      : Invalid(domain::FieldErrors{{std::move(field), std::move(message)}}) {}
  const domain::FieldErrors& errors() const { return errors_; }

 private:
  domain::FieldErrors errors_;
};

}  // namespace waypoint::app
