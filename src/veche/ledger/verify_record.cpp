#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <map>
#include <unordered_map>

#include "veche/core/error.hpp"
#include "veche/ledger/record_files.hpp"
#include "veche/ledger/record_profile.hpp"
#include "veche/report/report.hpp"

namespace veche {

namespace {

// Collects the findings of one check: it holds when nothing failed, and then says
// `summary`; otherwise it says what failed first, and how many more.
struct Finding {
  std::vector<std::string> failures;
  void fail(std::string text) { failures.push_back(std::move(text)); }
  Check check(std::string summary) const {
    if (failures.empty()) return {true, std::move(summary)};
    std::string text = failures.front();
    if (failures.size() > 1) text += fmt::format(" (and {} more)", failures.size() - 1);
    return {false, text};
  }
};

std::string short_hex(const std::string& hex) {
  return hex.substr(0, 16) + "…";
}

struct LogHeads {
  std::vector<const HeadLine*> heads;  // in file order
  const HeadLine* last() const { return heads.empty() ? nullptr : heads.back(); }
  bool closed() const { return last() && last()->head->closed; }
};

struct RecordView {
  fs::path record;
  ManifestFile manifest;
  HeadsFile heads;
  LogHeads ballots, roll;
  std::optional<Profile> profile;
  bool closed() const { return ballots.closed(); }
};

Check check_heads(RecordView& v) {
  Finding f;
  std::map<std::string, const HeadLine*> previous;
  for (const HeadLine& line : v.heads.lines) {
    auto where = fmt::format("heads.jsonl line {}", line.line);
    if (!line.head) {
      f.fail(fmt::format("{}: {}", where, line.error));
      continue;
    }
    const TreeHead& head = *line.head;
    if (head.election != v.manifest.sha256) {
      f.fail(fmt::format("{}: names election {}, but manifest.json's SHA-256 is {}", where,
                         short_hex(head.election), short_hex(v.manifest.sha256)));
    }
    if (!head_signature_holds(head, v.manifest.manifest.log_key)) {
      f.fail(
          fmt::format("{}: the signature does not hold under the log key of manifest.json", where));
    }
    if (head.log == "roll" && !v.manifest.manifest.roll_included) {
      f.fail(fmt::format(
          "{}: a roll head, but manifest.json says the roll is not part of this record", where));
    }
    (head.log == "ballots" ? v.ballots : v.roll).heads.push_back(&line);
    const HeadLine* before = previous[head.log];
    previous[head.log] = &line;
    if (!before) continue;
    const TreeHead& old = *before->head;
    if (old.closed) {
      f.fail(fmt::format("{}: a {} head after the closing head (line {})", where, head.log,
                         before->line));
    } else if (head.size < old.size) {
      f.fail(fmt::format("{}: the {} log shrank from {} (line {}) to {}", where, head.log, old.size,
                         before->line, head.size));
    } else if (old.size == 0 ? !head.consistency.empty()
                             : !consistency_holds(old.size, head.size, old.root, head.root,
                                                  head.consistency)) {
      f.fail(
          fmt::format("{}: its consistency proof from line {} (size {}) to size {} does not hold",
                      where, before->line, old.size, head.size));
    }
  }
  if (!v.heads.torn.empty() && v.closed()) {
    f.fail(fmt::format("heads.jsonl line {}: a torn line after the closing heads",
                       v.heads.lines.size() + 1));
  }
  if (!v.ballots.last()) f.fail("heads.jsonl: no ballots head");
  if (v.manifest.manifest.roll_included && !v.roll.last()) f.fail("heads.jsonl: no roll head");
  std::string summary = fmt::format(
      "heads.jsonl: {} heads, every signature holds under the log key {}, each consistent with "
      "the one before it",
      v.heads.lines.size(), short_hex(to_hex(v.manifest.manifest.log_key)));
  if (!v.heads.torn.empty())
    summary += "; a torn final line (an interrupted write) is no head and is ignored";
  return f.check(summary);
}

// The log rebuilds the root of every head of it; nothing follows a closing head.
// `distinct`, when given, collects the lines up to the last head, keyed by their leaf
// hashes: the ballots are then read once, for the tree and the recount alike.
Check check_log_roots(const RecordView& v, const LogHeads& heads, const char* file,
                      std::string_view complete, std::string_view torn,
                      DistinctLines* distinct = nullptr) {
  const std::uint64_t last_size = heads.last() ? heads.last()->head->size : 0;
  Finding f;
  TreeBuilder tree;
  std::size_t next = 0;  // the next head to compare
  std::uint64_t matched = 0;
  auto compare_heads_at = [&](std::uint64_t size) {
    while (next < heads.heads.size() && heads.heads[next]->head->size == size) {
      const HeadLine& line = *heads.heads[next++];
      if (tree.root() != line.head->root) {
        std::string lines = matched + 1 == size ? fmt::format("line {}", size)
                                                : fmt::format("lines {}–{}", matched + 1, size);
        f.fail(fmt::format("{} {}: do not rebuild the root signed at heads.jsonl line {} (size {})",
                           file, lines, line.line, size));
      } else {
        matched = size;
      }
    }
  };
  compare_heads_at(0);
  // The size a head claims is no promise: no more lines than the file's bytes can hold.
  if (distinct) distinct->expect(std::min<std::uint64_t>(last_size, complete.size() / 13));
  std::uint64_t count = for_each_line(complete, [&](std::uint64_t n, std::string_view line) {
    const Hash leaf = leaf_hash(line);
    tree.append(leaf);
    compare_heads_at(tree.size());
    if (distinct && n <= last_size) {
      std::uint64_t key;
      std::memcpy(&key, leaf.data(), sizeof key);
      distinct->add(n, line, key);
    }
    return true;
  });
  for (; next < heads.heads.size(); ++next) {
    const HeadLine& line = *heads.heads[next];
    if (line.head->size > count) {
      f.fail(
          fmt::format("heads.jsonl line {}: signs {} lines of {}, which holds only {} whole lines",
                      line.line, line.head->size, file, count));
      break;
    }
  }
  std::string summary = fmt::format("{}: {} lines rebuild the root of all {} {} heads", file,
                                    heads.last() ? heads.last()->head->size : 0, heads.heads.size(),
                                    heads.heads.empty() ? "" : heads.heads.front()->head->log);
  std::uint64_t signed_size = heads.last() ? heads.last()->head->size : 0;
  if (count > signed_size) {
    if (v.closed()) {
      f.fail(fmt::format(
          "{} line {}: after the closing head (heads.jsonl line {}, size {}): cast after close",
          file, signed_size + 1, heads.last()->line, signed_size));
    } else {
      summary += fmt::format(
          "; {} lines after the last head were never cast (an interrupted cast; "
          "the next cast drops them)",
          count - signed_size);
    }
  }
  if (!torn.empty()) {
    if (v.closed()) {
      f.fail(fmt::format("{} line {}: {} bytes without a newline after the closing head", file,
                         count + 1, torn.size()));
    } else {
      summary += "; a torn final line (an interrupted write) is no line and is ignored";
    }
  }
  return f.check(summary);
}

Check check_ballots(RecordView& v, DistinctLines& distinct) {
  if (!v.ballots.last()) return {false, "ballots.jsonl: no head to check against"};
  std::uint64_t bad_line = 0;
  std::string why;
  try {
    v.profile = distinct.profile(v.manifest.manifest, kBallots, bad_line, why);
  } catch (const InputError& e) {
    return {false, fmt::format("ballots.jsonl line {}: {}", e.line(), why)};
  }
  return {true, fmt::format("ballots.jsonl: every ballot is in canonical form and names only "
                            "candidates of manifest.json ({} distinct ballots)",
                            v.profile->size())};
}

bool is_roll_line(std::string_view line) {
  constexpr std::string_view head = "{\"voter\":\"", tail = "\"}";
  if (line.size() != head.size() + 64 + tail.size() || !line.starts_with(head) ||
      !line.ends_with(tail)) {
    return false;
  }
  auto digits = line.substr(head.size(), 64);
  return std::all_of(digits.begin(), digits.end(),
                     [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

Check check_roll_lines(const RecordView& v, std::string_view complete) {
  Finding f;
  std::unordered_map<std::string_view, std::uint64_t> seen;
  std::uint64_t size = v.roll.last() ? v.roll.last()->head->size : 0;
  for_each_line(complete, [&](std::uint64_t n, std::string_view line) {
    if (n > size) return false;
    if (!is_roll_line(line)) {
      f.fail(
          fmt::format("roll.jsonl line {}: not a roll line {{\"voter\":\"<64 hex digits>\"}}", n));
    }
    auto [it, inserted] = seen.try_emplace(line, n);
    if (!inserted)
      f.fail(fmt::format("roll.jsonl line {}: the same voter as line {}", n, it->second));
    return true;
  });
  return f.check(fmt::format("roll.jsonl: {} voters, none twice", seen.size()));
}

Check check_turnout(const RecordView& v) {
  if (!v.manifest.manifest.roll_included) {
    return {true,
            "roll: not part of this record (manifest.json roll.included is false); "
            "turnout not checked"};
  }
  if (!v.ballots.last() || !v.roll.last()) return {false, "turnout: heads missing"};
  const HeadLine& b = *v.ballots.last();
  const HeadLine& r = *v.roll.last();
  if (v.closed() && !r.head->closed) {
    return {false,
            fmt::format("heads.jsonl line {}: the ballots are closed but the roll is not", b.line)};
  }
  if (b.head->size == r.head->size) {
    return {true,
            fmt::format("turnout: {} ballots, {} voters on the roll", b.head->size, r.head->size)};
  }
  bool interrupted =
      !v.closed() && r.head->size > b.head->size && r.line == v.heads.lines.back().line;
  if (interrupted) {
    return {true,
            fmt::format("turnout: {} ballots under a head; the roll's last head (line {}) has {}: "
                        "a cast was interrupted before its ballots head, the next cast signs it",
                        b.head->size, r.line, r.head->size)};
  }
  return {
      false,
      fmt::format("turnout: {} ballots (heads.jsonl line {}) but {} voters on the roll (line {})",
                  b.head->size, b.line, r.head->size, r.line)};
}

// outcome.json names, signed, the options it was counted with: an option of manifest.json
// changed afterwards is named here, not only caught by the manifest's hash.
Check check_count_options(const Manifest& m, const nlohmann::json& document) {
  auto stated = nlohmann::json::parse(manifest_json(m)["count"].dump());
  auto counted = document.value("count", nlohmann::json());
  if (!counted.is_object())
    return {false, "outcome.json: no \"count\", the options it was counted with"};
  Finding f;
  for (const auto& [option, value] : stated.items()) {
    auto used = counted.value(option, nlohmann::json());
    if (used != value) {
      f.fail(fmt::format("manifest.json count.{} is {}, but outcome.json was counted with {}",
                         option, value.dump(),
                         counted.contains(option) ? used.dump() : "no such option"));
    }
  }
  for (const auto& [option, value] : counted.items()) {
    if (!stated.contains(option)) {
      f.fail(fmt::format(
          "outcome.json was counted with count.{} = {}, which manifest.json does not set", option,
          value.dump()));
    }
  }
  return f.check(
      fmt::format("outcome.json: counted with every option of manifest.json's count ({} options)",
                  stated.size()));
}

std::vector<Check> check_outcome(const RecordView& v) {
  fs::path path = v.record / kOutcome;
  if (!v.closed()) {
    if (fs::exists(path)) return {{false, "outcome.json: present, but the record is not closed"}};
    return {{true, fmt::format("record: open, {} ballots cast so far; nothing to recount yet",
                               v.ballots.last() ? v.ballots.last()->head->size : 0)}};
  }
  if (!fs::exists(path)) {
    return {{false,
             "outcome.json: missing; the record is closed but not counted (`veche record count`)"}};
  }
  auto document = nlohmann::json::parse(read_small_file(path), nullptr, false);
  if (document.is_discarded() || !document.is_object()) return {{false, "outcome.json: not JSON"}};
  std::vector<Check> out;
  const Manifest& m = v.manifest.manifest;
  bool signed_ok =
      document.contains("signature") && document["signature"].is_string() &&
      signature_holds(outcome_signed_bytes(document), document["signature"].get<std::string>(),
                      m.returning_officer_key);
  out.push_back({signed_ok, signed_ok
                                ? fmt::format("outcome.json: signed by the returning officer ({})",
                                              short_hex(to_hex(m.returning_officer_key)))
                                : "outcome.json: the signature does not hold under the returning "
                                  "officer's key in manifest.json"});

  Finding from;
  if (document.value("manifest_sha256", "") != v.manifest.sha256) {
    from.fail(fmt::format("outcome.json: manifest_sha256 is {}, but manifest.json's is {}",
                          short_hex(document.value("manifest_sha256", "")),
                          short_hex(v.manifest.sha256)));
  }
  for (const LogHeads* log : {&v.ballots, &v.roll}) {
    if (!log->last()) continue;
    const HeadLine& line = *log->last();
    nlohmann::json want = {{"line", line.line},
                           {"size", line.head->size},
                           {"root", to_hex(line.head->root)},
                           {"sha256", sha256_hex(line.bytes)}};
    auto got = document.contains("final_heads")
                   ? document["final_heads"].value(line.head->log, nlohmann::json())
                   : nlohmann::json();
    if (got != want) {
      from.fail(
          fmt::format("outcome.json: final_heads.{} is not the closing head at heads.jsonl line {}",
                      line.head->log, line.line));
    }
  }
  out.push_back(from.check("outcome.json: computed from this manifest.json and the closing heads"));
  out.push_back(check_count_options(m, document));

  if (!v.profile) {
    out.push_back({false, "recount: not possible, the ballots did not read"});
    return out;
  }
  const Method* method = find_count_method(m.method);
  if (!method) {
    out.push_back({false, fmt::format("manifest.json: unknown method \"{}\"", m.method)});
    return out;
  }
  nlohmann::json recount = outcome_json(method->count(*v.profile, count_options(m)));
  nlohmann::json recorded = document.value("outcome", nlohmann::json());
  if (recount == recorded) {
    out.push_back(
        {true, fmt::format("recount: {} gives exactly outcome.json (elected: {})", m.method,
                           fmt::join(recount["elected"].get<std::vector<std::string>>(), ", "))});
  } else {
    auto patch = nlohmann::json::diff(recorded, recount);
    std::string at = patch.empty() ? "" : patch[0].value("path", "");
    nlohmann::json::json_pointer pointer(at);
    std::string was = recorded.contains(pointer) ? recorded[pointer].dump() : "nothing";
    std::string is = recount.contains(pointer) ? recount[pointer].dump() : "nothing";
    out.push_back(
        {false, fmt::format("outcome.json: the recount by {} differs at /outcome{}: the file "
                            "says {}, the recount gives {}",
                            m.method, at, was, is)});
  }
  return out;
}

}  // namespace

std::vector<Check> verify_record(const fs::path& record) {
  std::vector<Check> checks;
  RecordView v{record, {}, {}, {}, {}, {}};
  try {
    v.manifest = read_manifest(record);
  } catch (const std::exception& e) {
    checks.push_back({false, e.what()});
    return checks;
  }
  const Manifest& m = v.manifest.manifest;
  checks.push_back(
      {true,
       fmt::format("manifest.json: \"{}\", {} candidates, {} seat(s) by {}, SHA-256 {}", m.election,
                   m.candidates.size(), m.seats, m.method, short_hex(v.manifest.sha256))});
  v.heads = read_heads(record / kHeads);
  checks.push_back(check_heads(v));

  MappedFile ballots(record / kBallots);
  if (!ballots.exists()) checks.push_back({false, "ballots.jsonl: missing"});
  // The distinct lines are views of the file: the recount reads them within the same read.
  auto [ballot_roots, recount] = ballots.read([&](std::string_view text) {
    LogText ballot_text = split_torn(text);
    DistinctLines distinct;
    Check roots =
        check_log_roots(v, v.ballots, kBallots, ballot_text.complete, ballot_text.torn, &distinct);
    return std::pair{std::move(roots), check_ballots(v, distinct)};
  });
  checks.push_back(std::move(ballot_roots));
  checks.push_back(std::move(recount));

  if (m.roll_included) {
    MappedFile roll(record / kRoll);
    if (!roll.exists()) checks.push_back({false, "roll.jsonl: missing"});
    auto [roll_roots, roll_lines] = roll.read([&](std::string_view text) {
      LogText roll_text = split_torn(text);
      return std::pair{check_log_roots(v, v.roll, kRoll, roll_text.complete, roll_text.torn),
                       check_roll_lines(v, roll_text.complete)};
    });
    checks.push_back(std::move(roll_roots));
    checks.push_back(std::move(roll_lines));
  } else if (fs::exists(record / kRoll) && fs::file_size(record / kRoll) > 0) {
    checks.push_back(
        {false, "roll.jsonl: present, but manifest.json says the roll is not part of this record"});
  }
  checks.push_back(check_turnout(v));
  for (Check& c : check_outcome(v)) checks.push_back(std::move(c));
  return checks;
}

}  // namespace veche
