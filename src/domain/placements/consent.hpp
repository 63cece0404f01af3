#pragma once
// A parent's consent to a placement made with it (not an off-site direction, which needs a notice):
// the terms they are asked to agree to, in words, with a version that changes whenever the words
// do, so the answer is kept with exactly what was shown; and how an answer reached the school.
#include <string>
#include <string_view>
#include <vector>

#include "domain/kernel/code_label.hpp"
#include "domain/kernel/field_error.hpp"
#include "domain/placements/direction_notice.hpp"

namespace waypoint::domain {

// The terms, line by line: where, when, the days and times, why and what it aims to achieve, and
// how it is reviewed. Filled from the same facts as the notice of a direction.
std::vector<std::string> consent_terms(const DirectionNotice& facts, int review_interval_weeks);
// The lines as kept with an answer: one to a line.
std::string consent_terms_text(const std::vector<std::string>& lines);
// A short fingerprint of the lines, which the parent's answer names.
std::string consent_terms_version(const std::vector<std::string>& lines);

// "given" or "refused".
const std::vector<CodeLabel>& consent_answers();
// How an answer reached the school: in Waypoint by the parent, or on paper, by phone, by e-mail or
// in person, recorded by the school.
const std::vector<CodeLabel>& consent_ways();

// Why a parent's answer typed in Waypoint cannot be kept, by field (answer, comment); none when it
// can. A refusal says why (the school must know what to change); the version must be the terms as
// they stand now.
FieldErrors consent_answer_problems(std::string_view answer, std::string_view version_seen,
                                    std::string_view current_version, std::string_view comment);

}  // namespace waypoint::domain
