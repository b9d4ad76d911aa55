#include <algorithm>

#include "veche/count/method.hpp"
#include "veche/count/methods.hpp"

namespace veche {

std::span<const Method> count_methods() {
  static const std::vector<Method> methods = {
      {"plurality", "first preferences only; the most wins (first past the post)", count_plurality},
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
