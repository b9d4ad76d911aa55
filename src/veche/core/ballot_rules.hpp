#pragma once
#include <optional>
#include <string_view>

namespace veche {

// What happens to a ballot with a defect, as US tabulators name their options.
enum class Remedy {
  exhaust,  // the ballot counts up to the defect and no further
  skip,     // the defective mark is passed over; later preferences still count
  reject,   // the whole ballot is set aside as invalid (and counted as such)
  error,    // the file is refused: the defect is taken for a mistake in the file
};

// One remedy per kind of defect. Overvotes are kept in the Profile as equal rankings
// (Condorcet methods use them); methods that need one candidate per rank apply
// `overvote` when they read a ballot (see Profile::strict).
struct BallotRules {
  Remedy overvote = Remedy::exhaust;      // two or more candidates at one rank
  Remedy skipped_rank = Remedy::skip;     // a rank left empty before a later one
  Remedy repeated = Remedy::skip;         // a candidate ranked again lower down
  Remedy unknown_name = Remedy::error;    // a name that is not on the candidate list
};

std::string_view to_string(Remedy remedy);
std::optional<Remedy> parse_remedy(std::string_view text);

}  // namespace veche
