// How long a letter takes to lay out: the notice of a direction, a page of Latin-script text, and
// the same with names in Polish, Romanian, Arabic and Bengali (font fallback and shaping), as one
// request for notice.pdf does. Run: build/waypoint_bench --benchmark_filter=Letter
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "web/kernel/pdf.hpp"

namespace {

std::vector<waypoint::web::PdfSection> notice(const std::string& to) {
  return {
      {"",
       {"Date of this notice: 1 December 2026", "To: " + to,
        "Pupil: Aisha Walker, born 1 March 2012, of Oakfield Academy"}},
      {"Where",
       {"Oakfield Academy has directed that Aisha Walker attend education away from the school, with "
        "Bridgeway Pupil Referral Unit, at:",
        "Bridgeway Centre, 12 Mill Lane, Exeter, EX2 4AB", "On arrival, Aisha Walker should report to: Ms Ward."}},
      {"Session times",
       {"Monday: 08:45 to 15:15", "Tuesday: 08:45 to 15:15", "Wednesday: 08:45 to 15:15", "Thursday: 08:45 to 15:15"}},
      {"Why",
       {"Reasons for the direction: Social, emotional and mental health needs",
        "What the placement aims to achieve: Rebuild attendance"}}};
}

void LetterLatin(benchmark::State& state) {
  const auto sections = notice("Chris Walker, 4 Orchard Close, Exeter");
  for (auto _ : state) benchmark::DoNotOptimize(waypoint::web::render_sections_pdf("Notice of a direction", sections));
}
BENCHMARK(LetterLatin)->Unit(benchmark::kMillisecond);

void LetterEveryScript(benchmark::State& state) {
  const auto sections = notice("Łukasz Wiśniewski; Ștefan Popescu; محمد رحمن; রহমান, 4 Orchard Close, Exeter");
  for (auto _ : state) benchmark::DoNotOptimize(waypoint::web::render_sections_pdf("Notice of a direction", sections));
}
BENCHMARK(LetterEveryScript)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
