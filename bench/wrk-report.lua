-- Prints wrk's result as one JSON line for bench/lib.ts (requests/s, p95 in ms, errors).
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('WRKJSON {"rps":%f,"p95":%f,"p50":%f,"errors":%d,"requests":%d}\n',
    summary.requests / (summary.duration / 1e6), latency:percentile(95) / 1000, latency:percentile(50) / 1000,
    e.connect + e.read + e.write + e.status + e.timeout, summary.requests))
end
