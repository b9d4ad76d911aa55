#include "veche/core/ballot_rules.hpp"

namespace veche {

std::string_view to_string(Remedy remedy) {
  switch (remedy) {
    case Remedy::exhaust: return "exhaust";
    case Remedy::skip: return "skip";
    case Remedy::reject: return "reject";
    case Remedy::error: return "error";
  }
  return "?";
}

std::optional<Remedy> parse_remedy(std::string_view text) {
  for (Remedy r : {Remedy::exhaust, Remedy::skip, Remedy::reject, Remedy::error}) {
    if (text == to_string(r)) return r;
  }
  return std::nullopt;
}

}  // namespace veche
