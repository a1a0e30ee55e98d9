-- Confidence rules in force (1 December 2026). Under QĐ 96-QĐ/TW (Điều 6.3) and NQ 96/2023/QH15
-- (Điều 19.3) every percentage and band is taken of the ballots returned, not of the people
-- convened; the shipped presets now say so, with their articles, and NQ 96's and QĐ 41's bands
-- follow their texts. Each statement below leaves a session's copy of its rules meaningful:
--
-- 1. A session not yet published that uses a shipped preset takes the corrected copy, and the
--    audit trail says so.
INSERT INTO audit_event (session_id, user_id, action, detail, at)
SELECT id, NULL, 'rule_corrected', json_extract(preset, '$.id'), CAST(strftime('%s', 'now') AS INTEGER) * 1000
FROM vote_session
WHERE kind = 'confidence' AND published_at IS NULL AND json_type(preset, '$.base') IS NULL
	AND json_extract(preset, '$.id') IN ('qd-96-2023', 'nq-96-2023-qh15', 'qd-41-2021');
--> statement-breakpoint
--    The tally committee confirmed figures that change: its confirmations are withdrawn, and
--    the log says how many, so that the corrected count is confirmed before it is published.
INSERT INTO audit_event (session_id, user_id, action, detail, at)
SELECT s.id, NULL, 'confirmations_withdrawn', CAST(count(*) AS TEXT), CAST(strftime('%s', 'now') AS INTEGER) * 1000
FROM vote_session s JOIN count_confirmation c ON c.session_id = s.id
WHERE s.kind = 'confidence' AND s.published_at IS NULL AND json_type(s.preset, '$.base') IS NULL
	AND json_extract(s.preset, '$.id') IN ('qd-96-2023', 'nq-96-2023-qh15', 'qd-41-2021')
GROUP BY s.id;
--> statement-breakpoint
DELETE FROM count_confirmation WHERE session_id IN (
	SELECT id FROM vote_session
	WHERE kind = 'confidence' AND published_at IS NULL AND json_type(preset, '$.base') IS NULL
		AND json_extract(preset, '$.id') IN ('qd-96-2023', 'nq-96-2023-qh15', 'qd-41-2021')
);
--> statement-breakpoint
UPDATE vote_session SET preset = '{"id":"qd-96-2023","name":{"vi":"Quy định 96-QĐ/TW (2023): chức danh trong hệ thống chính trị","en":"Regulation 96-QĐ/TW (2023): posts in the political system"},"source":{"vi":"Quy định số 96-QĐ/TW ngày 02/02/2023 của Bộ Chính trị","en":"Regulation 96-QĐ/TW of 2 February 2023, Politburo"},"status":"in_force","note":{"vi":"Người được lấy phiếu tín nhiệm ở 2 nơi: cấp có thẩm quyền quyết định trên cơ sở xem xét tổng thể kết quả ở từng nơi (Điều 11 khoản 4); mức hiện ở đây chỉ là kết quả tại nơi này.","en":"Someone voted on in two places is judged by the competent level on both results (Article 11(4)); the band shown here is this vote’s only."},"issuer":"party","base":"returned","baseArticle":{"vi":"Điều 6 khoản 3","en":"Article 6(3)"},"quorum":{"numerator":2,"denominator":3,"inclusive":true,"binding":true,"article":{"vi":"Quy định 96-QĐ/TW, quy trình lấy phiếu (chưa xác minh số điều)","en":"Regulation 96-QĐ/TW, voting procedure (article number not verified)"}},"bands":[{"id":"over-half","lower":{"numerator":1,"denominator":2,"inclusive":false},"upper":{"numerator":2,"denominator":3,"inclusive":false},"consequence":{"vi":"Cấp có thẩm quyền quản lý cán bộ đưa ra khỏi quy hoạch các chức vụ cao hơn; xem xét cho thôi giữ chức vụ đang đảm nhiệm, bố trí công tác khác hoặc cho từ chức hoặc tiến hành bỏ phiếu tín nhiệm theo quy định.","en":"The competent body removes the person from planning for higher posts, and considers relieving them from post, assigning other work, accepting resignation or holding a formal vote of confidence."},"article":{"vi":"Điều 11 khoản 2","en":"Article 11(2)"}},{"id":"two-thirds","lower":{"numerator":2,"denominator":3,"inclusive":true},"consequence":{"vi":"Cấp có thẩm quyền quản lý cán bộ thực hiện miễn nhiệm chức vụ đang đảm nhiệm và bố trí công tác khác (thấp hơn) mà không chờ đến hết nhiệm kỳ, hết thời hạn bổ nhiệm.","en":"The competent body dismisses the person from post and assigns other (lower) work, without waiting for the end of the term or appointment."},"article":{"vi":"Điều 11 khoản 3","en":"Article 11(3)"}}]}'
WHERE kind = 'confidence' AND published_at IS NULL AND json_type(preset, '$.base') IS NULL
	AND json_extract(preset, '$.id') = 'qd-96-2023';
--> statement-breakpoint
UPDATE vote_session SET preset = '{"id":"nq-96-2023-qh15","name":{"vi":"Nghị quyết 96/2023/QH15: chức danh do Quốc hội, Hội đồng nhân dân bầu","en":"Resolution 96/2023/QH15: posts elected by the National Assembly or People’s Councils"},"source":{"vi":"Nghị quyết số 96/2023/QH15 ngày 23/06/2023 của Quốc hội","en":"Resolution 96/2023/QH15 of 23 June 2023, National Assembly"},"status":"in_force","note":{"vi":"Chưa xác minh được điều kiện về số người có mặt trong Nghị quyết; kỳ họp theo quy chế của Quốc hội, Hội đồng nhân dân. Nếu cần một điều kiện, hãy dùng quy định tùy chỉnh (tính trên tổng số phiếu thu về).","en":"No attendance condition in the resolution has been verified; the sitting follows the Assembly’s or Council’s rules. If one is needed, use custom rules (on the ballots returned)."},"issuer":"state","base":"returned","baseArticle":{"vi":"Điều 19 khoản 3","en":"Article 19(3)"},"quorum":null,"bands":[{"id":"over-half","lower":{"numerator":1,"denominator":2,"inclusive":false},"upper":{"numerator":2,"denominator":3,"inclusive":false},"consequence":{"vi":"Người được lấy phiếu tín nhiệm có thể xin từ chức; trường hợp không xin từ chức thì Ủy ban Thường vụ Quốc hội trình Quốc hội, Thường trực Hội đồng nhân dân trình Hội đồng nhân dân bỏ phiếu tín nhiệm tại kỳ họp đó hoặc kỳ họp gần nhất.","en":"The person may ask to resign; if they do not, the Standing Committee submits them to a formal vote of confidence at that sitting or the next."},"article":{"vi":"Điều 12; Điều 19 khoản 3","en":"Article 12; Article 19(3)"}},{"id":"two-thirds","lower":{"numerator":2,"denominator":3,"inclusive":true},"consequence":{"vi":"Cơ quan hoặc người có thẩm quyền giới thiệu người đó để Quốc hội, Hội đồng nhân dân bầu hoặc phê chuẩn có trách nhiệm trình Quốc hội, Hội đồng nhân dân tiến hành miễn nhiệm hoặc phê chuẩn đề nghị miễn nhiệm tại kỳ họp đó hoặc kỳ họp gần nhất.","en":"The body or person who nominated them submits their dismissal (miễn nhiệm) to the Assembly or Council at that sitting or the next."},"article":{"vi":"Điều 12","en":"Article 12"}}]}'
WHERE kind = 'confidence' AND published_at IS NULL AND json_type(preset, '$.base') IS NULL
	AND json_extract(preset, '$.id') = 'nq-96-2023-qh15';
--> statement-breakpoint
UPDATE vote_session SET preset = '{"id":"qd-41-2021","name":{"vi":"Quy định 41-QĐ/TW (2021): miễn nhiệm, từ chức (đã được thay thế)","en":"Regulation 41-QĐ/TW (2021): dismissal and resignation (replaced)"},"source":{"vi":"Quy định số 41-QĐ/TW ngày 03/11/2021 của Bộ Chính trị","en":"Regulation 41-QĐ/TW of 3 November 2021, Politburo"},"status":"replaced","note":{"vi":"Đã được thay thế bằng Quy định 377-QĐ/TW (có hiệu lực từ 08/10/2025); các ngưỡng dưới đây chưa được đối chiếu với văn bản gốc, còn ngưỡng của Quy định 377 chưa được xác minh.","en":"Replaced by Regulation 377-QĐ/TW (in force from 8 October 2025); the thresholds below are not checked against the original text, and those of Regulation 377 are not verified."},"issuer":"party","base":"returned","baseArticle":{"vi":"theo quy định của lần lấy phiếu; với lần lấy phiếu theo Quy định 96-QĐ/TW là Điều 6 khoản 3","en":"as the vote’s own rules say; for a vote under Regulation 96-QĐ/TW, Article 6(3)"},"quorum":{"numerator":2,"denominator":3,"inclusive":true,"binding":true,"article":{"vi":"Quy định 96-QĐ/TW, quy trình lấy phiếu (chưa xác minh số điều)","en":"Regulation 96-QĐ/TW, voting procedure (article number not verified)"}},"bands":[{"id":"over-half","lower":{"numerator":1,"denominator":2,"inclusive":false},"upper":{"numerator":2,"denominator":3,"inclusive":true},"consequence":{"vi":"Là căn cứ để xem xét việc xin từ chức.","en":"Grounds for considering resignation (từ chức)."},"article":{"vi":"Căn cứ xem xét từ chức (theo báo chí)","en":"Grounds for resignation (as reported)"}},{"id":"over-two-thirds","lower":{"numerator":2,"denominator":3,"inclusive":false},"consequence":{"vi":"Là căn cứ để xem xét miễn nhiệm.","en":"Grounds for considering dismissal (miễn nhiệm)."},"article":{"vi":"Căn cứ xem xét miễn nhiệm (theo báo chí)","en":"Grounds for dismissal (as reported)"}}]}'
WHERE kind = 'confidence' AND published_at IS NULL AND json_type(preset, '$.base') IS NULL
	AND json_extract(preset, '$.id') = 'qd-41-2021';
--> statement-breakpoint
-- 2. A published result is never changed silently: it keeps the copy it was counted with, marked
--    as counted on the people convened and corrected by the shipped preset of the same id, whose
--    current copy gives the corrected figures shown beside the published ones. Audited.
INSERT INTO audit_event (session_id, user_id, action, detail, at)
SELECT id, NULL, 'rule_corrected', json_extract(preset, '$.id'), CAST(strftime('%s', 'now') AS INTEGER) * 1000
FROM vote_session
WHERE kind = 'confidence' AND published_at IS NOT NULL AND json_type(preset, '$.base') IS NULL
	AND json_extract(preset, '$.id') IN ('qd-96-2023', 'nq-96-2023-qh15', 'qd-41-2021');
--> statement-breakpoint
UPDATE vote_session
SET preset = json_set(preset, '$.base', 'members', '$.correctedBy', 'qd-96-2023',
	'$.issuer', 'party', '$.status', 'in_force')
WHERE kind = 'confidence' AND published_at IS NOT NULL AND json_type(preset, '$.base') IS NULL
	AND json_extract(preset, '$.id') = 'qd-96-2023';
--> statement-breakpoint
UPDATE vote_session
SET preset = json_set(preset, '$.base', 'members', '$.correctedBy', 'nq-96-2023-qh15',
	'$.issuer', 'state', '$.status', 'in_force')
WHERE kind = 'confidence' AND published_at IS NOT NULL AND json_type(preset, '$.base') IS NULL
	AND json_extract(preset, '$.id') = 'nq-96-2023-qh15';
--> statement-breakpoint
UPDATE vote_session
SET preset = json_set(preset, '$.base', 'members', '$.correctedBy', 'qd-41-2021',
	'$.issuer', 'party', '$.status', 'replaced')
WHERE kind = 'confidence' AND published_at IS NOT NULL AND json_type(preset, '$.base') IS NULL
	AND json_extract(preset, '$.id') = 'qd-41-2021';
--> statement-breakpoint
-- 3. A custom preset said "of the people convened" and let voting open without its quorum when
--    a reason was given: it keeps both meanings (base members; an advisory quorum is what a
--    quorum without "binding" reads as).
UPDATE vote_session SET preset = json_set(preset, '$.base', 'members')
WHERE kind = 'confidence' AND json_type(preset, '$.base') IS NULL;
