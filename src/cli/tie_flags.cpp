#include "cli/tie_flags.hpp"

#include "cli/names.hpp"

namespace veche::cli {

void TieFlags::add_to(CLI::App& command) {
  command.add_option("--tie-seed", seed, "seed of the lot that breaks ties left after look-back")
      ->capture_default_str();
  command.add_option("--tie-look-back", look_back, "earlier rounds consulted first")
      ->check(CLI::IsMember({"backward", "forward", "none"}))
      ->capture_default_str();
  command.add_option("--tie-order", order, "names, most favoured first; replaces the lot")
      ->delimiter(',');
}

TiePolicy TieFlags::policy(const std::vector<std::string>& names) const {
  TiePolicy policy;
  policy.seed = seed;
  policy.look_back = look_back == "forward"  ? TiePolicy::LookBack::forward
                     : look_back == "none"   ? TiePolicy::LookBack::none
                                             : TiePolicy::LookBack::backward;
  policy.order = ids_of(order, names, "--tie-order");
  return policy;
}

}  // namespace veche::cli
