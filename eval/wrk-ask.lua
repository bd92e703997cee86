-- Load for the server alone: wrk -t2 -c8 -d15s --latency -s eval/wrk-ask.lua http://127.0.0.1:8080
-- (wrk from Debian; posts eight of the evaluation questions in turn to /api/ask)
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local qs = {"Does Semax reduce anxiety?", "What happened in the stroke study?", "Does Semax cure cancer?", "What did the fMRI study find?", "How fast does NGF expression rise after Semax?", "Which hormone is Semax derived from?", "Does Semax improve memory?", "How much Semax should I take?"}
local i = 0
request = function()
  i = i + 1
  return wrk.format(nil, "/api/ask", nil, '{"question": "' .. qs[(i % #qs) + 1] .. '"}')
end
