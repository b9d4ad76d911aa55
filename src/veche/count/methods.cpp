#include "veche/count/methods.hpp"

#include <algorithm>

#include "veche/count/method.hpp"

namespace veche {

std::span<const Method> count_methods() {
  static const std::vector<Method> methods = {
      {"plurality", "first preferences only; the most wins (first past the post)", count_plurality},
      {"approval", "every ranked candidate is approved; the most approved wins", count_approval},
      {"borda", "n-1 ... 0 points by rank, unranked 0; the most points win", count_borda},
      {"two-round", "contingent vote: no majority, the top two take the others' ballots",
       count_two_round},
      {"irv", "instant runoff: exclude the last, transfer, until a majority", count_irv},
      {"condorcet", "the candidate who beats every other head to head, if any", count_condorcet},
      {"schulze", "Schulze beatpath, winning votes", count_schulze},
      {"ranked-pairs", "Tideman ranked pairs, winning votes", count_ranked_pairs},
      {"copeland", "most head-to-head wins (a tie counts one half)", count_copeland},
      {"minimax", "smallest worst defeat, winning votes", count_minimax},
      {"stv-scottish",
       "STV as Scottish council elections count it (SSI 2007/42): WIGM, 5 places truncated",
       count_stv_scottish},
      {"stv-wigm",
       "STV, weighted inclusive Gregory; --quota, --decimal-places or --exact to choose",
       count_stv_wigm},
      {"stv-meek", "STV by Meek's method as New Zealand counts it: 9 places, or --meek-exact",
       count_stv_meek},
      {"stv-gregory",
       "STV as the Australian Senate counts it (s273): unweighted inclusive Gregory, bulk "
       "exclusion",
       count_stv_gregory},
      {"stv-ers97", "STV by the Electoral Reform Society's 1997 rules: last parcel, 2 places",
       count_stv_ers97},
  };
  return methods;
}

namespace {
struct Alias {
  std::string_view alias, name;
};
constexpr Alias kAliases[] = {
    {"fptp", "plurality"},
};
}  // namespace

const Method* find_count_method(std::string_view name) {
  for (const Alias& a : kAliases) {
    if (a.alias == name) name = a.name;
  }
  auto all = count_methods();
  auto it = std::find_if(all.begin(), all.end(), [&](const Method& m) { return m.name == name; });
  return it == all.end() ? nullptr : &*it;
}

int seats_for(const Profile& profile, const CountOptions& options) {
  return options.seats > 0 ? options.seats : profile.seats;
}

}  // namespace veche
