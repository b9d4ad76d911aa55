// Every contested ward of the Scottish council elections of 4 May 2017, counted by
// stv-scottish and compared with the official result sheets: the councillors in order
// of election, and every candidate's total at every stage at the published precision.
#include <gtest/gtest.h>

#include <fmt/format.h>

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>
#include <string>

#include "veche/core/fixed.hpp"
#include "veche/count/methods.hpp"
#include "veche/io/read.hpp"

namespace {

using veche::CandidateId;
using veche::Outcome;
using Figure = veche::Fixed<5, veche::Truncate>;
using Json = nlohmann::json;

const std::string kData = VECHE_SCOTLAND_DATA;

Json official_results() {
  std::ifstream in(kData + "/official.json");
  return Json::parse(in);
}

// A published figure: its value in 10^-5 units and how many places it was printed with.
struct Published {
  std::int64_t units = 0;
  int places = 0;
};

Published published(const std::string& text) {
  auto dot = text.find('.');
  int places = dot == std::string::npos ? 0 : static_cast<int>(text.size() - dot - 1);
  auto figure = Figure::parse(text);
  if (!figure) throw std::runtime_error("unreadable figure " + text);
  return {figure->raw(), places};
}

// Equal at the published precision: the sheet either truncated or rounded our figure.
bool agrees(const Published& sheet, std::int64_t ours) {
  std::int64_t unit = veche::power_of_ten(5 - sheet.places);
  std::int64_t truncated = ours / unit * unit;
  std::int64_t rounded = (ours + unit / 2) / unit * unit;
  return sheet.units == truncated || sheet.units == rounded;
}

// A slip the ward's notes own up to: the figure published, and the one the count gives.
struct Slip {
  int stage = 0;
  std::string candidate;
  std::string published;
  std::string correct;
};

std::vector<Slip> slips_in(const Json& ward) {
  static const std::regex kSlip(
      R"(stage (\d+): the source gives (.+?) (?:a total of )?'([^']+)'.*\(Droop: ([0-9.]+))");
  std::vector<Slip> out;
  for (const auto& note : ward.value("notes", Json::array())) {
    std::smatch m;
    std::string text = note.get<std::string>();
    if (std::regex_search(text, m, kSlip)) out.push_back({std::stoi(m[1]), m[2], m[3], m[4]});
  }
  return out;
}

// "Surplus of X transferred" / "X excluded" in the words official.json derives.
std::string derived_action(const std::string& action) {
  const std::string surplus = "Surplus of ", transferred = " transferred", excluded = " excluded";
  if (action == "First preferences") return "first preferences";
  if (action.starts_with(surplus) && action.ends_with(transferred)) {
    return "surplus of " + action.substr(surplus.size(), action.size() - surplus.size() - transferred.size());
  }
  if (action.ends_with(excluded)) return "exclusion of " + action.substr(0, action.size() - excluded.size());
  return action;
}

struct WardResult {
  bool elected_in_order = false;
  bool every_stage = false;     // every published figure agrees (noted slips aside)
  int slips_confirmed = 0;      // noted slips where the count gives the corrected figure
  int ties = 0;
};

WardResult check_ward(const Json& ward) {
  SCOPED_TRACE(ward["file"].get<std::string>());
  WardResult result;
  veche::Profile profile = veche::read_ballots(kData + "/" + ward["file"].get<std::string>(), "", {});
  veche::CountOptions options;
  Outcome outcome = veche::count_stv_scottish(profile, options);

  std::vector<std::string> elected;
  for (CandidateId c : outcome.elected) elected.push_back(outcome.candidates[c]);
  result.elected_in_order = elected == ward["elected"].get<std::vector<std::string>>();
  EXPECT_TRUE(result.elected_in_order) << fmt::format("{}", fmt::join(elected, ", "));
  EXPECT_EQ(Figure::parse(*outcome.quota)->raw(), published(ward["quota"]).units);

  const Json& stages = ward["stages"];
  bool all_agree = stages.size() == outcome.rounds.size();
  EXPECT_EQ(stages.size(), outcome.rounds.size());
  std::vector<Slip> slips = slips_in(ward);
  std::map<std::string, CandidateId> id;
  for (CandidateId c = 0; c < outcome.candidates.size(); ++c) id[outcome.candidates[c]] = c;

  for (std::size_t s = 0; s < std::min(stages.size(), outcome.rounds.size()); ++s) {
    const veche::Round& round = outcome.rounds[s];
    const Json& sheet = stages[s];
    int stage = sheet["stage"].get<int>();
    result.ties += static_cast<int>(round.ties.size());
    EXPECT_EQ(derived_action(round.action), sheet["action"].get<std::string>()) << "stage " << stage;
    bool five_places = true;
    for (const auto& [name, text] : sheet["votes"].items()) {
      Published figure = published(text.get<std::string>());
      five_places &= figure.places == 5;
      std::int64_t ours = Figure::parse(round.votes[id.at(name)])->raw();
      auto slip = std::find_if(slips.begin(), slips.end(), [&](const Slip& sl) {
        return sl.stage == stage && sl.candidate == name && sl.published == text;
      });
      if (slip != slips.end()) {
        EXPECT_EQ(round.votes[id.at(name)], slip->correct) << "noted slip, stage " << stage;
        result.slips_confirmed += round.votes[id.at(name)] == slip->correct;
        five_places = false;
        continue;
      }
      bool ok = agrees(figure, ours);
      EXPECT_TRUE(ok) << "stage " << stage << ", " << name << ": sheet " << text.get<std::string>()
                      << ", count " << round.votes[id.at(name)];
      all_agree &= ok;
    }
    if (five_places) {  // the derived balance is exact only where the sheet's figures are
      EXPECT_EQ(round.exhausted, sheet["non_transferable"].get<std::string>()) << "stage " << stage;
      all_agree &= round.exhausted == sheet["non_transferable"].get<std::string>();
    }
  }
  // The stage at which each councillor was elected (rule 52 ones at the last stage).
  std::vector<int> elected_stage;
  for (CandidateId c : outcome.elected) {
    for (std::size_t s = 0; s < outcome.rounds.size(); ++s) {
      const auto& e = outcome.rounds[s].elected;
      if (std::find(e.begin(), e.end(), c) != e.end()) elected_stage.push_back(static_cast<int>(s) + 1);
    }
  }
  EXPECT_EQ(elected_stage, ward["elected_stage"].get<std::vector<int>>());
  result.every_stage = all_agree && elected_stage == ward["elected_stage"].get<std::vector<int>>();
  return result;
}

TEST(StvScotland, EveryWardAsPublished) {
  Json wards = official_results();
  ASSERT_EQ(wards.size(), 351u);
  int in_order = 0, every_stage = 0, slips = 0, tied_wards = 0, noted_ties = 0;
  for (const Json& ward : wards) {
    WardResult r = check_ward(ward);
    in_order += r.elected_in_order;
    every_stage += r.every_stage;
    slips += r.slips_confirmed;
    tied_wards += r.ties > 0;
    for (const auto& note : ward.value("notes", Json::array())) {
      noted_ties += note.get<std::string>().find("rule 49(2)") != std::string::npos;
    }
  }
  std::cout << fmt::format(
      "[ stv-scottish ] {} / 351 wards elect in the official order; {} / 351 agree at every "
      "stage; {} noted slips in the sheets corrected as the notes say; {} wards break a tie\n",
      in_order, every_stage, slips, tied_wards);
  EXPECT_EQ(in_order, 351);
  EXPECT_EQ(every_stage, 351);
  EXPECT_EQ(slips, 2);
  EXPECT_EQ(tied_wards, noted_ties);
}

// The one tie of 2017: equal surpluses, settled by the stage before (rule 49(2)).
TEST(StvScotland, EqualSurplusesGoByTheLatestStageWhereTheyDiffered) {
  Json wards = official_results();
  for (const Json& ward : wards) {
    bool noted = false;
    for (const auto& note : ward.value("notes", Json::array())) {
      noted |= note.get<std::string>().find("rule 49(2)") != std::string::npos;
    }
    if (!noted) continue;
    Outcome outcome = veche::count_stv_scottish(
        veche::read_ballots(kData + "/" + ward["file"].get<std::string>(), "", {}), {});
    int ties = 0;
    for (const veche::Round& round : outcome.rounds) {
      for (const veche::Tie& tie : round.ties) {
        ++ties;
        EXPECT_EQ(tie.tied.size(), 2u);
        EXPECT_TRUE(tie.resolved_by.starts_with("earlier rounds")) << tie.resolved_by;
        // The one chosen goes first, as the sheet has it.
        auto official = ward["elected"].get<std::vector<std::string>>();
        auto rank = [&](CandidateId c) {
          return std::find(official.begin(), official.end(), outcome.candidates[c]) - official.begin();
        };
        CandidateId other = tie.tied[0] == tie.chosen ? tie.tied[1] : tie.tied[0];
        EXPECT_LT(rank(tie.chosen), rank(other));
      }
    }
    EXPECT_GE(ties, 1);
  }
}

// stv-wigm with its defaults is the Scottish rule; Meek's method, on the same ballots,
// mostly elects the same councillors (the figure is printed, not the law).
TEST(StvScotland, WigmDefaultsAreTheScottishRuleAndMeekMostlyAgrees) {
  Json wards = official_results();
  int wigm_same = 0, meek_same_set = 0;
  for (const Json& ward : wards) {
    SCOPED_TRACE(ward["file"].get<std::string>());
    veche::Profile profile =
        veche::read_ballots(kData + "/" + ward["file"].get<std::string>(), "", {});
    Outcome scottish = veche::count_stv_scottish(profile, {});
    Outcome wigm = veche::count_stv_wigm(profile, {});
    bool same = scottish.elected == wigm.elected && scottish.rounds.size() == wigm.rounds.size();
    for (std::size_t r = 0; same && r < scottish.rounds.size(); ++r) {
      same = scottish.rounds[r].votes == wigm.rounds[r].votes &&
             scottish.rounds[r].exhausted == wigm.rounds[r].exhausted;
    }
    EXPECT_TRUE(same);
    wigm_same += same;
    Outcome meek = veche::count_stv_meek(profile, {});
    ASSERT_EQ(meek.elected.size(), scottish.elected.size());
    auto a = meek.elected, b = scottish.elected;
    std::sort(a.begin(), a.end());
    std::sort(b.begin(), b.end());
    meek_same_set += a == b;
  }
  std::cout << fmt::format(
      "[ stv-wigm ] {} / 351 wards counted stage for stage as stv-scottish\n"
      "[ stv-meek ] {} / 351 wards elect the same councillors as the official count\n",
      wigm_same, meek_same_set);
  EXPECT_EQ(wigm_same, 351);
  EXPECT_GE(meek_same_set, 330);
}

// Meek in exact rationals and in New Zealand's 9 places elect the same councillors: the
// rounding is far below any margin here. Exact Meek's fractions grow with every
// iteration, so only the smallest wards are recounted that way.
TEST(StvScotland, MeekExactAgreesWithNinePlaces) {
  Json wards = official_results();
  veche::CountOptions exact;
  exact.exact = true;
  int compared = 0;
  for (const Json& ward : wards) {
    if (ward["stages"][0]["votes"].size() > 4 || std::stoi(ward["valid_poll"].get<std::string>()) > 1500) continue;
    SCOPED_TRACE(ward["file"].get<std::string>());
    veche::Profile profile = veche::read_ballots(kData + "/" + ward["file"].get<std::string>(), "", {});
    EXPECT_EQ(veche::count_stv_meek(profile, exact).elected, veche::count_stv_meek(profile, {}).elected);
    ++compared;
  }
  EXPECT_EQ(compared, 3);
}

}  // namespace
