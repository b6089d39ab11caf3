# A trap: tests point nlohmann_json_DIR here, so any search for nlohmann_json ends here.
message(FATAL_ERROR "errcat consumer trap: nlohmann_json was searched for")
