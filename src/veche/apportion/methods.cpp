#include <algorithm>

#include "veche/apportion/method.hpp"
#include "veche/apportion/methods.hpp"

namespace veche {

std::span<const ApportionMethod> apportion_methods() {
  static const std::vector<ApportionMethod> methods = {
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
