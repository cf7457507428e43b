#include "security/audit_log.h"

#include <sodium.h>

#include "common/encoding.h"
#include "common/id.h"

namespace finguard::security {

using storage::ResultSet;
using storage::Value;

namespace {

const std::string kGenesis(64, '0');

void HashField(crypto_generichash_state* st, std::string_view field) {
  // Length-prefixing keeps ("ab","c") and ("a","bc") apart.
  uint64_t n = field.size();
  crypto_generichash_update(st, reinterpret_cast<const unsigned char*>(&n), sizeof n);
  crypto_generichash_update(st, reinterpret_cast<const unsigned char*>(field.data()), field.size());
}

AuditRecord FromRow(const ResultSet& rs, size_t i) {
  AuditRecord r;
  r.seq = rs.At(i, "seq").AsInt();
  r.id = rs.At(i, "id").AsText();
  r.at = Instant{rs.At(i, "at_us").AsInt()};
  r.actor = rs.At(i, "actor").AsText();
  r.action = rs.At(i, "action").AsText();
  r.target = rs.At(i, "target").AsText();
  r.outcome = rs.At(i, "outcome").AsText();
  r.detail = rs.At(i, "detail").AsText();
  r.prev_hash = rs.At(i, "prev_hash").AsText();
  r.hash = rs.At(i, "hash").AsText();
  return r;
}

constexpr const char* kColumns =
    "seq, id, at_us, actor, action, target, outcome, detail, prev_hash, hash";

}  // namespace

std::string AuditLog::Hash(const AuditRecord& r) const {
  std::string key = keys_.AuditKey();
  crypto_generichash_state st;
  unsigned char out[32];
  crypto_generichash_init(&st, reinterpret_cast<const unsigned char*>(key.data()), key.size(), 32);
  HashField(&st, std::to_string(r.seq));
  HashField(&st, r.id);
  HashField(&st, std::to_string(r.at.micros));
  HashField(&st, r.actor);
  HashField(&st, r.action);
  HashField(&st, r.target);
  HashField(&st, r.outcome);
  HashField(&st, r.detail);
  HashField(&st, r.prev_hash);
  crypto_generichash_final(&st, out, sizeof out);
  return HexEncode(std::string_view(reinterpret_cast<char*>(out), sizeof out));
}

Status AuditLog::Append(storage::Executor& tx, const AuditEntry& e) const {
  if (tx.Dialect() == storage::SqlDialect::kPostgres) {
    RETURN_IF_ERROR(tx.Query("SELECT pg_advisory_xact_lock(724302)").status());
  }
  ASSIGN_OR_RETURN(ResultSet last,
                   tx.Query("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1"));
  AuditRecord r;
  r.seq = last.empty() ? 1 : last.At(0, "seq").AsInt() + 1;
  r.prev_hash = last.empty() ? kGenesis : last.At(0, "hash").AsText();
  r.at = clock_.Now();
  r.id = NewIdAt(r.at);
  r.actor = e.actor;
  r.action = e.action;
  r.target = e.target;
  r.outcome = e.outcome;
  r.detail = e.detail.dump();
  r.hash = Hash(r);
  return tx
      .Exec(std::string("INSERT INTO audit_log (") + kColumns + ") VALUES (?,?,?,?,?,?,?,?,?,?)",
            {Value(r.seq), Value(r.id), Value(r.at.micros), Value(r.actor), Value(r.action),
             Value(r.target), Value(r.outcome), Value(r.detail), Value(r.prev_hash), Value(r.hash)})
      .status();
}

Status AuditLog::Record(storage::Database& db, const AuditEntry& entry) const {
  return db.Transact([&](storage::Executor& tx) { return Append(tx, entry); });
}

StatusOr<std::vector<AuditRecord>> AuditLog::List(storage::Executor& db,
                                                  const AuditQuery& q) const {
  std::string sql = std::string("SELECT ") + kColumns + " FROM audit_log WHERE 1 = 1";
  storage::Params params;
  if (!q.actor.empty()) {
    sql += " AND actor = ?";
    params.emplace_back(q.actor);
  }
  if (!q.action.empty()) {
    sql += " AND action = ?";
    params.emplace_back(q.action);
  }
  if (q.before_seq) {
    sql += " AND seq < ?";
    params.emplace_back(*q.before_seq);
  }
  sql += " ORDER BY seq DESC LIMIT ?";
  params.emplace_back(q.limit);
  ASSIGN_OR_RETURN(ResultSet rs, db.Query(sql, params));
  std::vector<AuditRecord> out;
  for (size_t i = 0; i < rs.size(); ++i) out.push_back(FromRow(rs, i));
  return out;
}

StatusOr<AuditVerification> AuditLog::Verify(storage::Database& db) const {
  AuditVerification v;
  std::string expected_prev = kGenesis;
  int64_t expected_seq = 1;
  int64_t after = 0;
  constexpr int kPage = 5000;
  // One page of lookahead: classifying a bad row needs the row after it.
  std::vector<AuditRecord> rows;
  size_t pos = 0;
  auto fetch = [&]() -> Status {
    rows.erase(rows.begin(), rows.begin() + static_cast<long>(pos));
    pos = 0;
    ASSIGN_OR_RETURN(ResultSet rs,
                     db.Query(std::string("SELECT ") + kColumns +
                                  " FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?",
                              {Value(after), Value(kPage)}));
    for (size_t i = 0; i < rs.size(); ++i) rows.push_back(FromRow(rs, i));
    if (!rs.empty()) after = rs.At(rs.size() - 1, "seq").AsInt();
    return OkStatus();
  };
  RETURN_IF_ERROR(fetch());
  auto fail = [&](int64_t seq, std::string problem, std::string detail) {
    v.ok = false;
    v.first_bad_seq = seq;
    v.problem = std::move(problem);
    v.detail = std::move(detail);
    return v;
  };
  while (pos < rows.size()) {
    if (rows.size() - pos < 2) RETURN_IF_ERROR(fetch());
    const AuditRecord& r = rows[pos];
    bool own_ok = Hash(r) == r.hash;
    bool link_ok = r.prev_hash == expected_prev;
    if (own_ok && link_ok && r.seq == expected_seq) {
      ++v.records;
      expected_prev = r.hash;
      ++expected_seq;
      ++pos;
      continue;
    }
    if (own_ok) {
      // A genuine record whose predecessor is gone.
      return fail(expected_seq, "deleted",
                  "record(s) before seq " + std::to_string(r.seq) + " are missing: seq " +
                      std::to_string(r.seq) + " links to a hash no remaining record has");
    }
    const AuditRecord* next = pos + 1 < rows.size() ? &rows[pos + 1] : nullptr;
    bool next_links_past = next ? next->prev_hash == expected_prev : !link_ok;
    if (next_links_past) {
      return fail(r.seq, "inserted",
                  "seq " + std::to_string(r.seq) +
                      " is not part of the chain (its hash does not "
                      "verify and the following record links to its predecessor)");
    }
    return fail(r.seq, "altered",
                "seq " + std::to_string(r.seq) + " (" + r.action + ") does not match its hash");
  }
  return v;
}

}  // namespace finguard::security
