#include <fmt/format.h>

#include <fstream>
#include <stdexcept>

#include "veche/council/event_log.hpp"
#include "veche/council/public_vote.hpp"
#include "veche/ledger/record_files.hpp"

namespace veche {

namespace {

using Json = nlohmann::json;

std::uint64_t count_of(const Json& logged, const std::string& key) {
  return logged.at(key).get<std::uint64_t>();
}

// The record a logged vote names, recounted; std::invalid_argument saying what differs
// from the log.
CountedVote recounted(const fs::path& out, const Json& logged,
                      const std::vector<std::string>& answers) {
  std::string record = logged.at("record").get<std::string>();
  std::string manifest = read_manifest(out / record).sha256;
  if (manifest != logged.at("manifest_sha256").get<std::string>())
    throw std::invalid_argument(fmt::format("{}: its manifest is not the one logged", record));
  CountedVote v{logged.at("council").get<std::string>(), count_of(logged, "electorate"),
                recount_public_vote(out / record), record, manifest};
  if (v.tally.answer_for != count_of(logged, answers[0]) ||
      v.tally.against != count_of(logged, answers[1]) ||
      v.tally.blank != count_of(logged, "blank")) {
    throw std::invalid_argument(fmt::format(
        "{}: the recount gives {} {}, {} {}, {} blank; the log says {}, {}, {}", record,
        v.tally.answer_for, answers[0], v.tally.against, answers[1], v.tally.blank,
        count_of(logged, answers[0]), count_of(logged, answers[1]), count_of(logged, "blank")));
  }
  return v;
}

template <class T>
T parsed(const Json& rules, const char* key, std::optional<T> (*parse)(std::string_view)) {
  std::optional<T> value = parse(rules.at(key).get<std::string>());
  if (!value) throw std::invalid_argument(fmt::format("the logged rule {} is unknown", key));
  return *value;
}

std::string carried_or_not(bool carried) {
  return carried ? "carried" : "not carried";
}

std::string check_referendum(const fs::path& out, const Json& e) {
  const Json& logged = e.at("rules");
  ReferendumRules rules;
  rules.quorum = parsed<ReferendumQuorum>(logged, "quorum", parse_referendum_quorum);
  rules.quorum_share = parsed<Share>(logged, "quorum_share", parse_council_share);
  rules.majority = parsed<ReferendumMajority>(logged, "majority", parse_referendum_majority);
  std::vector<ConstituencyCount> counts;
  for (const Json& record : e.at("records"))
    counts.push_back(constituency_count(recounted(out, record, {"yes", "no"})));
  std::string question = e.at("question").get<std::string>();
  bool carried = decide_referendum(question, counts, rules).carried;
  if (carried != e.at("carried").get<bool>()) {
    throw std::invalid_argument(fmt::format("referendum \"{}\": the recounts decide {}, the log {}",
                                            question, carried_or_not(carried),
                                            carried_or_not(!carried)));
  }
  return fmt::format("referendum \"{}\": {} record(s) recounted as logged, {} by its rules",
                     question, counts.size(), carried_or_not(carried));
}

std::string check_recall(const fs::path& out, const Json& e) {
  const Json& vote = e.at("vote");
  RecallRules rules;
  rules.majority = parsed<Majority>(vote.at("rules"), "majority", parse_majority);
  rules.turnout = parsed<Share>(vote.at("rules"), "turnout", parse_council_share);
  CountedVote counted = recounted(out, vote, {"recall", "keep"});
  bool recalled = decide_recall(recall_ballots(counted), rules).recalled;
  std::string delegate = e.at("delegate").get<std::string>();
  if (recalled != e.at("recalled").get<bool>()) {
    throw std::invalid_argument(fmt::format("recall of {}: the recount decides {}, the log {}",
                                            delegate, recalled ? "recalled" : "kept",
                                            recalled ? "kept" : "recalled"));
  }
  return fmt::format("recall of {}: record {} recounted as logged, {} by its rules", delegate,
                     counted.record, recalled ? "recalled" : "kept");
}

}  // namespace

std::vector<Check> verify_vote_events(const fs::path& out) {
  std::ifstream in(out / kEvents);
  std::vector<Check> checks;
  std::string line;
  for (std::size_t number = 1; std::getline(in, line); ++number) {
    Json e = Json::parse(line, nullptr, false);
    // A line that is no event is the event log's own check to name.
    if (e.is_discarded() || !e.is_object()) continue;
    std::string kind = e.value("event", "");
    bool referendum = kind == "referendum" && e.contains("records");
    bool recall = kind == "recall" && e.contains("vote");
    if (!referendum && !recall) continue;
    std::string where = fmt::format("{} line {}", kEvents, number);
    try {
      std::string held = referendum ? check_referendum(out, e) : check_recall(out, e);
      checks.push_back({true, fmt::format("{}: {}", where, held)});
    } catch (const std::exception& error) {
      // A record missing, unreadable or tampered with, or a field of the event wrong.
      checks.push_back({false, fmt::format("{}: {}", where, error.what())});
    }
  }
  return checks;
}

}  // namespace veche
