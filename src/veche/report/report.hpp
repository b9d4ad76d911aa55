#pragma once
#include <nlohmann/json.hpp>
#include <string>

#include "veche/core/outcome.hpp"
#include "veche/core/party_votes.hpp"

namespace veche {

// Every report is rendered from the same Outcome; none computes anything of its own.
using Json = nlohmann::ordered_json;

Json outcome_json(const Outcome& outcome);
Json apportionment_json(const Apportionment& apportionment);

// A result sheet a person reads at a glance: a row a candidate, a column a round.
std::string outcome_text(const Outcome& outcome);
std::string apportionment_text(const Apportionment& apportionment);

// A self-contained HTML page: the result sheet, and a picture of where the votes flowed
// (a Sankey diagram of the transfers, drawn as inline SVG; no script, no network).
std::string outcome_html(const Outcome& outcome, const std::string& title);

}  // namespace veche
