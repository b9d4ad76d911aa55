// Party-list elections of delegates: lists.json written beside the record, and the
// delegates recomputed from it and the parties' recounted votes.
#include <fmt/format.h>

#include "veche/apportion/method.hpp"
#include "veche/council/election.hpp"
#include "veche/ledger/record_files.hpp"

namespace veche {

namespace {

nlohmann::json read_json(const fs::path& file) {
  auto document = nlohmann::json::parse(read_small_file(file), nullptr, false);
  if (document.is_discarded())
    throw std::invalid_argument(fmt::format("{}: not JSON", file.string()));
  return document;
}

// Each party's votes, from outcome.json's first round (plurality: first preferences).
PartyVotes party_votes(const nlohmann::json& outcome) {
  PartyVotes votes;
  const nlohmann::json& round = outcome.at("outcome").at("rounds").at(0).at("votes");
  for (const std::string& party :
       outcome.at("outcome").at("candidates").get<std::vector<std::string>>()) {
    votes.parties.push_back(party);
    const nlohmann::json& v = round.contains(party) ? round.at(party) : nlohmann::json(0);
    votes.votes.push_back(v.is_string() ? std::stoull(v.get<std::string>()) : v.get<Weight>());
  }
  return votes;
}

}  // namespace

std::vector<std::string> standing(const DelegateElection& e) {
  if (e.lists.empty()) return e.candidates;
  std::vector<std::string> names;
  for (const PartyList& l : e.lists)
    names.insert(names.end(), l.candidates.begin(), l.candidates.end());
  return names;
}

void write_lists(const fs::path& record, const DelegateElection& e) {
  nlohmann::ordered_json lists = nlohmann::ordered_json::array();
  for (const PartyList& l : e.lists)
    lists.push_back({{"party", l.party}, {"candidates", l.candidates}});
  nlohmann::ordered_json document = {{"format", "veche-lists-v1"},
                                     {"council", e.council},
                                     {"method", e.method},
                                     {"seats", e.seats},
                                     {"threshold", e.threshold},
                                     {"tie_seed", e.tie_seed},
                                     {"lists", lists}};
  write_file_durably(record / kLists, document.dump(1) + "\n");
}

std::vector<std::string> list_elected(const fs::path& record) {
  nlohmann::json lists = read_json(record / kLists);
  const ApportionMethod* method = find_apportion_method(lists.at("method").get<std::string>());
  if (!method)
    throw std::invalid_argument(fmt::format("{}: unknown method", (record / kLists).string()));
  ApportionOptions options;
  options.seats = lists.at("seats").get<int>();
  options.ties.seed = lists.at("tie_seed").get<std::string>();
  if (std::string share = lists.at("threshold").get<std::string>(); !share.empty())
    options.threshold.share = share;
  PartyVotes votes = party_votes(read_json(record / "outcome.json"));
  Apportionment seats = method->apportion(votes, options);
  std::vector<std::string> elected;
  for (const nlohmann::json& list : lists.at("lists")) {
    auto party =
        std::find(seats.parties.begin(), seats.parties.end(), list.at("party").get<std::string>());
    if (party == seats.parties.end()) continue;
    auto names = list.at("candidates").get<std::vector<std::string>>();
    int won = seats.result[static_cast<std::size_t>(party - seats.parties.begin())];
    for (int i = 0; i < won && i < static_cast<int>(names.size()); ++i)
      elected.push_back(names[static_cast<std::size_t>(i)]);
  }
  return elected;
}

}  // namespace veche
