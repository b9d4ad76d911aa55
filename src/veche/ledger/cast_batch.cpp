#include "veche/ledger/record.hpp"

namespace veche {

// Empties the batch but keeps its buffers: the next batch of a stream fills them again.
void CastBatch::clear() {
  ballots_.clear();
  rank_ends_.clear();
  marks_.clear();
  voters_.clear();
}

}  // namespace veche
