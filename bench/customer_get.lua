-- wrk script: GET /api/v1/customers/{id} cycling through ids from the file named by IDS_FILE,
-- with the bearer token from TOKEN. Counts non-200 answers so a fast error is not a fast read.
local ids = {}
for line in io.lines(os.getenv("IDS_FILE")) do ids[#ids + 1] = line end
local token = os.getenv("TOKEN")
local i = 0
request = function()
  i = i % #ids + 1
  return wrk.format("GET", "/api/v1/customers/" .. ids[i], { ["Authorization"] = "Bearer " .. token })
end
local bad = 0
response = function(status) if status ~= 200 then bad = bad + 1 end end
done = function() io.stderr:write("non200=" .. bad .. "\n") end
