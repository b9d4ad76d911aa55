#include <algorithm>

#include "veche/apportion/method.hpp"
#include "veche/apportion/methods.hpp"

namespace veche {

std::span<const ApportionMethod> apportion_methods() {
  static const std::vector<ApportionMethod> methods = {
      {"dhondt", "divisors 1, 2, 3, ... (Jefferson); favours larger parties", apportion_dhondt},
      {"sainte-lague", "divisors 1, 3, 5, ... (Webster); rounds shares to nearest", apportion_sainte_lague},
      {"modified-sainte-lague", "divisors 1.4, 3, 5, ...; a dearer first seat (Norway)",
       apportion_modified_sainte_lague},
      {"huntington-hill", "divisors sqrt(n(n+1)), one seat each first (US House)", apportion_huntington_hill},
      {"adams", "divisors 0, 1, 2, ...; one seat each first; favours smaller parties", apportion_adams},
      {"hare", "largest remainder, quota votes/seats (Hamilton, Hare-Niemeyer)", apportion_hare},
      {"droop", "largest remainder, quota floor(votes/(seats+1))+1", apportion_droop},
  };
  return methods;
}

namespace {
struct Alias {
  std::string_view alias, name;
};
constexpr Alias kAliases[] = {
    {"jefferson", "dhondt"},
    {"webster", "sainte-lague"},
};
}  // namespace

const ApportionMethod* find_apportion_method(std::string_view name) {
  for (const Alias& a : kAliases) {
    if (a.alias == name) name = a.name;
  }
  auto all = apportion_methods();
  auto it = std::find_if(all.begin(), all.end(),
                         [&](const ApportionMethod& m) { return m.name == name; });
  return it == all.end() ? nullptr : &*it;
}

}  // namespace veche
