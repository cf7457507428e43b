#include <charconv>

#include "api/routes.h"

namespace finguard::api {

void AddAuditRoutes(Router& router, ApiServices& s) {
  std::vector<QueryParamDoc> params = {{"limit", "page size, 1-200 (default 50)", "integer"},
                                       {"cursor", "next_cursor of the previous page"},
                                       {"actor", "only records of this username"},
                                       {"action", "only records of this action, e.g. auth.login"}};
  router.Add({.method = "GET",
              .path = "/api/v1/audit",
              .permission = "audit.read",
              .doc = {.summary = "The audit chain, newest first",
                      .tag = "audit",
                      .response = "AuditPage",
                      .query = params},
              .handler = [&s](RequestContext& rc) -> StatusOr<ApiResult> {
                security::AuditQuery q;
                ASSIGN_OR_RETURN(q.limit, PageLimit(rc));
                q.actor = rc.Query("actor");
                q.action = rc.Query("action");
                if (!rc.Query("cursor").empty()) {
                  ASSIGN_OR_RETURN(std::string raw, DecodeCursor(rc.Query("cursor")));
                  int64_t seq = 0;
                  auto [p, ec] = std::from_chars(raw.data(), raw.data() + raw.size(), seq);
                  if (ec != std::errc() || p != raw.data() + raw.size()) {
                    return InvalidArgument("cursor is not one this API issued",
                                           {{"/query/cursor", "invalid cursor"}});
                  }
                  q.before_seq = seq;
                }
                ASSIGN_OR_RETURN(std::vector<security::AuditRecord> records, s.audit.List(s.db, q));
                nlohmann::json items = nlohmann::json::array();
                for (const auto& r : records) {
                  items.push_back({{"seq", r.seq},
                                   {"id", r.id},
                                   {"at", FormatIso8601(r.at)},
                                   {"actor", r.actor},
                                   {"action", r.action},
                                   {"target", r.target},
                                   {"outcome", r.outcome},
                                   {"detail", nlohmann::json::parse(r.detail, nullptr, false)},
                                   {"hash", r.hash}});
                }
                nlohmann::json next = nullptr;
                if (static_cast<int>(records.size()) == q.limit)
                  next = EncodeCursor(std::to_string(records.back().seq));
                return ApiResult{.body = {{"items", items}, {"next_cursor", next}}};
              }});
  router.Add(
      {.method = "POST",
       .path = "/api/v1/audit/verify",
       .permission = "audit.verify",
       .doc =
           {.summary =
                "Verify the audit hash chain; names the first altered, inserted or deleted record",
            .tag = "audit",
            .response = "AuditVerification"},
       .handler = [&s](RequestContext& rc) -> StatusOr<ApiResult> {
         ASSIGN_OR_RETURN(security::AuditVerification v, s.audit.Verify(s.db));
         nlohmann::json body = {{"ok", v.ok}, {"records", v.records}};
         if (!v.ok) {
           body["first_bad_seq"] = *v.first_bad_seq;
           body["problem"] = v.problem;
           body["detail"] = v.detail;
         }
         RETURN_IF_ERROR(s.audit.Record(s.db, {.actor = rc.who().username,
                                               .action = "audit.verify",
                                               .outcome = v.ok ? "ok" : "failed",
                                               .detail = body}));
         return ApiResult{.body = body};
       }});
}

}  // namespace finguard::api
