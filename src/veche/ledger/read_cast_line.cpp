#include <fmt/format.h>

#include "veche/core/error.hpp"
#include "veche/ledger/cast_line.hpp"

namespace veche {

// Read with one simdjson parser reused for every line, in place, straight into the batch as
// candidate ids: the stream is a bulk cast's hot path, and a JSON tree or a string a name
// for each line cost as much as writing the ballot durably.
void read_cast_line(simdjson::ondemand::parser& parser, std::string_view text, std::size_t capacity,
                    std::size_t line, const BallotLines& names, CastBatch& batch) {
  auto refuse = [line] {
    throw InputError("stdin", line, "", "expected {\"voter\":\"id\",\"ranks\":[[\"name\"],...]}");
  };
  simdjson::ondemand::document document;
  simdjson::ondemand::object object;
  if (parser.iterate(text.data(), text.size(), capacity).get(document) ||
      document.get_object().get(object)) {
    throw InputError("stdin", line, "", "not JSON");
  }
  batch.begin_ballot();
  bool ranked = false;
  for (auto field : object) {
    std::string_view key;
    if (field.unescaped_key().get(key)) refuse();
    if (key == "ranks") {
      simdjson::ondemand::array ranks;
      if (field.value().get_array().get(ranks)) refuse();
      for (auto rank : ranks) {
        simdjson::ondemand::array equal;
        if (rank.get_array().get(equal)) refuse();
        batch.begin_rank();
        for (auto name : equal) {
          std::string_view text_of_name;
          if (name.get_string().get(text_of_name)) refuse();
          auto id = names.id_of(text_of_name);
          if (!id) {
            throw InputError(
                "stdin", line, "ranks",
                fmt::format("\"{}\" is not a candidate of manifest.json", text_of_name));
          }
          batch.add(*id);
        }
      }
      ranked = true;
    } else if (key == "voter") {
      std::string_view voter;
      if (field.value().get_string().get(voter)) refuse();
      batch.voter(voter);
    }
  }
  const char* rest = nullptr;  // a location after the object: something follows it
  if (!document.current_location().get(rest)) throw InputError("stdin", line, "", "not JSON");
  if (!ranked) refuse();
}

}  // namespace veche
