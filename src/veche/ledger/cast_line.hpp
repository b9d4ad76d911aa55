#pragma once
// One line of a bulk cast (`veche record cast --stdin`) read into a CastBatch.
#include <simdjson.h>

#include <cstddef>
#include <string_view>

#include "veche/ledger/record.hpp"

namespace veche {

// Reads `text`, line `line` of standard input, {"voter":"id","ranks":[["name"],...]}, where it
// lies, straight into `batch` as candidate ids. `capacity` is the number of bytes readable
// from text.data(), at least text.size() + simdjson::SIMDJSON_PADDING, as simdjson's parser
// asks. `parser` is reused from line to line. Throws InputError naming stdin and the line for
// a line that is not such a ballot or names someone who is not a candidate; the batch's last
// ballot is then unfinished and the batch is not to be cast.
void read_cast_line(simdjson::ondemand::parser& parser, std::string_view text, std::size_t capacity,
                    std::size_t line, const BallotLines& names, CastBatch& batch);

}  // namespace veche
