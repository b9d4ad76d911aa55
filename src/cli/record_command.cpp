#include <fmt/format.h>
#include <simdjson.h>

#include <fstream>
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/count_flags.hpp"
#include "cli/stdin_lines.hpp"
#include "veche/core/error.hpp"
#include "veche/io/read.hpp"
#include "veche/ledger/cast_line.hpp"
#include "veche/ledger/record.hpp"
#include "veche/report/report.hpp"

namespace veche::cli {

namespace {

struct RecordFlags {
  std::string record;
  std::string keys;  // default: the record's folder name + ".keys", beside it
  // init and import: the election, and the count's flags as `veche count` takes them
  std::string title, run_by, council, opens, closes;
  bool no_roll = false;
  CountFlags count;
  // cast
  std::string voter, ballot;
  std::vector<std::string> ranks;
  bool from_stdin = false;
  std::size_t batch = 1000;
  // import
  std::string roll;
};

fs::path keys_folder(const RecordFlags& f) {
  if (!f.keys.empty()) return f.keys;
  fs::path record = fs::path(f.record).lexically_normal();
  if (record.filename().empty()) record = record.parent_path();
  return record.string() + ".keys";
}

// Every option of the count goes into the manifest, by the names `veche count` takes, so
// the recount in `veche verify` is the count the flags asked for.
Manifest manifest_of(const RecordFlags& f) {
  const CountFlags& c = f.count;
  Manifest m;
  m.election = f.title;
  m.run_by = f.run_by;
  m.council = f.council;
  m.candidates = c.candidates;
  m.seats = c.seats;
  m.method = c.method;
  m.quota = c.quota;
  m.decimal_places = c.decimal_places;
  m.exact = c.exact;
  m.batch_elimination = c.batch_elimination;
  m.withdrawn = c.withdraw;
  m.tie_seed = c.ties.seed;
  m.look_back = c.ties.look_back;
  m.tie_order = c.ties.order;
  BallotRules rules = c.rules();
  m.overvote = to_string(rules.overvote);
  m.skipped_rank = to_string(rules.skipped_rank);
  m.repeated = to_string(rules.repeated);
  m.unknown_name = to_string(rules.unknown_name);
  m.opens = f.opens;
  m.closes = f.closes;
  m.roll_included = !f.no_roll;
  return m;
}

void add_election_flags(CLI::App& cmd, RecordFlags& f) {
  cmd.add_option("--method,-m", f.count.method, "counting method (see `veche methods`)")
      ->required();
  cmd.add_option("--title", f.title, "the election's title");
  cmd.add_option("--run-by", f.run_by, "who runs the election");
  cmd.add_option("--council", f.council, "the council or body being elected");
  cmd.add_option("--opens", f.opens, "opening time, UTC (default: now)");
  cmd.add_option("--closes", f.closes, "closing time, UTC");
  add_count_flags(cmd, f.count);
}

void print_receipts(const std::vector<Receipt>& receipts) {
  std::cout << receipt_lines(receipts);
  std::cout.flush();
}

CastBallot ballot_from_json(const nlohmann::json& json, std::size_t line) {
  try {
    CastBallot ballot;
    ballot.ranks = json.at("ranks").get<std::vector<std::vector<std::string>>>();
    if (json.contains("voter")) ballot.voter = json["voter"].get<std::string>();
    return ballot;
  } catch (const nlohmann::json::exception&) {
    throw InputError("stdin", line, "", "expected {\"voter\":\"id\",\"ranks\":[[\"name\"],...]}");
  }
}

// Casts ballots read one a line from stdin, a batch at a time; each batch's receipts are
// printed only once the batch is on disk.
void cast_stream(Ledger& ledger, std::size_t batch_size) {
  simdjson::ondemand::parser parser;
  const BallotLines names(ledger.manifest().candidates);
  StdinLines input;
  CastBatch batch;
  std::string_view text;
  std::size_t line = 0;
  while (input.next(text)) {
    ++line;
    if (text.empty()) continue;
    read_cast_line(parser, text, input.capacity_from(text), line, names, batch);
    if (batch.size() >= batch_size) {
      print_receipts(ledger.cast(batch));
      batch.clear();
    }
  }
  if (!batch.empty()) print_receipts(ledger.cast(batch));
}

void run_cast(const RecordFlags& f) {
  Ledger ledger(f.record, open_keys(keys_folder(f)));
  if (f.from_stdin) return cast_stream(ledger, std::max<std::size_t>(f.batch, 1));
  CastBallot ballot;
  if (!f.ballot.empty()) {
    auto json = nlohmann::json::parse(f.ballot, nullptr, false);
    if (json.is_discarded()) throw UsageError("--ballot is not JSON");
    ballot = ballot_from_json(json, 0);
  }
  for (const auto& rank : f.ranks) {
    auto& group = ballot.ranks.emplace_back();
    for (std::size_t start = 0; start <= rank.size();) {
      std::size_t end = std::min(rank.find('=', start), rank.size());
      if (end > start) group.push_back(rank.substr(start, end - start));
      start = end + 1;
    }
  }
  if (!f.voter.empty()) ballot.voter = f.voter;
  print_receipts(ledger.cast(std::span<const CastBallot>(&ballot, 1)));
}

std::vector<std::string> read_roll(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw UsageError(fmt::format("{}: cannot open", path));
  std::vector<std::string> voters;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!line.empty()) voters.push_back(line);
  }
  return voters;
}

void run_import(const RecordFlags& f) {
  Profile profile = f.count.read();
  std::optional<std::vector<std::string>> roll;
  if (!f.roll.empty()) roll = read_roll(f.roll);
  Manifest m = manifest_of(f);
  if (m.election.empty()) m.election = profile.title.empty() ? f.count.file : profile.title;
  import_record(f.record, profile, m, roll, open_keys(keys_folder(f)));
  std::string set_aside = profile.rejected > 0
                              ? fmt::format(" ({} set aside by the ballot rules)", profile.rejected)
                              : "";
  std::cout << fmt::format("{}: imported {} ballots{}, closed and counted\n", f.record,
                           profile.total_weight() + profile.rejected, set_aside);
}

}  // namespace

void add_record_command(CLI::App& app) {
  auto f = std::make_shared<RecordFlags>();
  CLI::App* record = app.add_subcommand("record", "build an election's public record step by step");
  record->require_subcommand(1);
  auto record_arg = [&](CLI::App* cmd) {
    cmd->add_option("record", f->record, "the record's folder")->required();
    cmd->add_option("--keys", f->keys,
                    "folder of the signing keys (default: RECORD.keys beside it)");
  };

  CLI::App* init = record->add_subcommand("init", "start a record: manifest, keys, empty logs");
  record_arg(init);
  add_election_flags(*init, *f);
  // The count's --candidates is here the ballot paper: required, in its order.
  init->get_option("--candidates")
      ->required()
      ->description("candidates or options, in ballot order");
  init->add_flag("--no-roll", f->no_roll, "keep no roll of who voted in this record");
  init->callback([f] {
    Manifest m = manifest_of(*f);
    if (m.seats < 1) m.seats = 1;
    init_record(f->record, m, open_keys(keys_folder(*f)));
    std::cout << fmt::format("{}: record started; keys in {}\n", f->record,
                             keys_folder(*f).string());
  });

  CLI::App* cast = record->add_subcommand("cast", "cast a ballot; prints the voter's receipt");
  record_arg(cast);
  cast->add_option("--voter", f->voter, "the voter's id (hashed into the roll)");
  cast->add_option("--rank,-r", f->ranks, "a rank, best first; A=B ranks two equal");
  cast->add_option("--ballot", f->ballot, "the ballot as JSON {\"ranks\":[[\"A\"],[\"B\"]]}");
  cast->add_flag("--stdin", f->from_stdin, "cast {\"voter\":..,\"ranks\":..} lines from stdin");
  cast->add_option("--batch", f->batch, "ballots a durable batch holds (--stdin)")
      ->capture_default_str();
  cast->callback([f] { run_cast(*f); });

  CLI::App* close = record->add_subcommand("close", "close the record: sign the closing heads");
  record_arg(close);
  close->callback([f] {
    Ledger ledger(f->record, open_keys(keys_folder(*f)));
    ledger.close();
    std::cout << fmt::format("{}: closed with {} ballots\n", f->record, ledger.ballots_cast());
  });

  CLI::App* count = record->add_subcommand("count", "count a closed record; writes outcome.json");
  record_arg(count);
  count->callback([f] {
    Outcome outcome = count_record(f->record, open_keys(keys_folder(*f)));
    std::cout << outcome_text(outcome);
  });

  CLI::App* import =
      record->add_subcommand("import", "a closed, counted record from a ballot file");
  record_arg(import);
  add_election_flags(*import, *f);
  import->add_option("--roll", f->roll, "file of voter ids, one a line");
  import->add_option("ballots", f->count.file, "ballot file (any format `veche count` reads)")
      ->required();
  import->callback([f] { run_import(*f);
});
}  // namespace veche::cli

}  // namespace veche::cli
