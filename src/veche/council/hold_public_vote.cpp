#include "veche/council/public_vote.hpp"
#include "veche/ledger/record_files.hpp"

namespace veche {

CountedVote hold_public_vote(const PublicVote& vote, const fs::path& out, const std::string& record,
                             const RecordKeys& keys) {
  fs::path folder = out / record;
  cast_public_vote(vote, folder, keys);
  // What decides is what the record says, read back from its ballots.
  return {vote.council, vote.electorate, recount_public_vote(folder), record,
          read_manifest(folder).sha256};
}

}  // namespace veche
