#include <fmt/format.h>

#include <set>

#include "veche/council/election.hpp"
#include "veche/council/recall.hpp"
#include "veche/council/refill.hpp"
#include "veche/ledger/record_files.hpp"

namespace veche {

namespace {

struct ListOf {
  std::string party;
  std::vector<std::string> candidates;
};

std::optional<ListOf> list_naming(const nlohmann::json& lists, const std::string& name) {
  for (const nlohmann::json& l : lists.at("lists")) {
    auto candidates = l.at("candidates").get<std::vector<std::string>>();
    if (std::find(candidates.begin(), candidates.end(), name) != candidates.end())
      return ListOf{l.at("party").get<std::string>(), std::move(candidates)};
  }
  return std::nullopt;
}

}  // namespace

// Each recalled delegate is replaced in turn, so a second recall on one list passes over
// the first's successor (seated) and both the recalled (unavailable).
std::optional<std::string> next_on_list_after(const fs::path& record,
                                              const std::vector<std::string>& vacated,
                                              std::string& why) {
  auto lists = nlohmann::json::parse(read_small_file(record / kLists), nullptr, false);
  if (lists.is_discarded() || !lists.contains("lists")) {
    why = fmt::format("{}: not a lists.json", (record / kLists).string());
    return std::nullopt;
  }
  std::vector<std::string> seated = list_elected(record);
  std::set<std::string> recalled;
  std::optional<std::string> next;
  for (const std::string& delegate : vacated) {
    auto seat = std::find(seated.begin(), seated.end(), delegate);
    std::optional<ListOf> list = list_naming(lists, delegate);
    if (seat == seated.end() || !list) {
      why = fmt::format("{} held no seat of record {} when recalled", delegate,
                        record.filename().string());
      return std::nullopt;
    }
    recalled.insert(delegate);
    next = next_on_list(list->candidates, {seated.begin(), seated.end()}, recalled);
    if (!next) {
      why = fmt::format("{}'s list has no one left after {}", list->party, delegate);
      return std::nullopt;
    }
    *seat = *next;
  }
  if (!next) why = "no seat was vacated";
  return next;
}

}  // namespace veche
