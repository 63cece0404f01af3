#pragma once
// Letters to parents and carers: sent when the school sends a notice or records a review, by e-mail
// and in Waypoint to carers with an account and by post to the others; the school sees when each was
// sent, posted and first read, and the parent reads theirs in one list.
#include <cstdint>
#include <string>
#include <vector>

#include "app/kernel/actor.hpp"
#include "app/kernel/services.hpp"
#include "domain/pupils/pupil.hpp"
#include "store/letters/letter_store.hpp"

namespace waypoint::app {

// Inside the use case that made the document: a letter to each parent and carer of the pupil.
// `title` is what the letter is, without the child's name.
void send_letters(store::Connection& c, const Services& s, std::int64_t pupil_id, const std::string& kind,
                  std::int64_t about_id, const std::string& title);
// Inside the use case that shows the document to a parent: their letter about it is read.
void letters_read(store::Connection& c, const Services& s, const Actor& a, const std::string& kind,
                  std::int64_t about_id);

struct PupilLetters {
  domain::Pupil pupil;
  std::vector<store::LetterRow> letters;  // newest first
};
PupilLetters pupil_letters(const Services& s, const Actor& a, std::int64_t pupil_id);
// The school printed and posted a letter to a parent without an account, on `posted_on`.
void record_letter_posted(const Services& s, const Actor& a, std::int64_t letter_id, const std::string& posted_on);

// A parent's letters, from every child's school, newest first.
std::vector<store::LetterRow> my_letters(const Services& s, const Actor& a);

// Where a letter's document is read: the notice page, the review, or the record of an intervention.
std::string letter_document_path(const store::LetterRow& letter);

}  // namespace waypoint::app
