-- Driven by TestNeovim: opens internal/mail/mail.go of the example module
-- with envvet lsp attached through Neovim's built-in client (0.7 API:
-- vim.lsp.start_client), waits for the diagnostics, writes them to $OUT,
-- applies the quick fix and the "Declare" action, and writes the results.
local root, out = os.getenv("ROOT"), assert(io.open(os.getenv("OUT"), "w"))
local function say(s) out:write(s, "\n"); out:flush() end

local function main()
  vim.cmd("edit " .. root .. "/internal/mail/mail.go")
  local buf = vim.api.nvim_get_current_buf()
  local id = vim.lsp.start_client({
    name = "envvet",
    cmd = { os.getenv("ENVVET"), "lsp", "-logfile", os.getenv("LOGFILE") },
    root_dir = root,
  })
  assert(id, "start_client failed")
  vim.lsp.buf_attach_client(buf, id)

  local function diags()
    local ds = vim.diagnostic.get(buf)
    table.sort(ds, function(a, b) return a.lnum < b.lnum end)
    return ds
  end
  if not vim.wait(180000, function() return #diags() >= 2 end, 100) then
    say("FAIL no diagnostics")
    return
  end
  for _, d in ipairs(diags()) do
    say(string.format("diag %d:%d %s %s %s", d.lnum + 1, d.col + 1, d.source, d.code or d.user_data.lsp.code, d.message))
  end

  -- The quick fix on the SMTP_FORM typo (line 26).
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    range = { start = { line = 25, character = 24 }, ["end"] = { line = 25, character = 24 } },
    context = { diagnostics = {} },
  }
  local resp = vim.lsp.buf_request_sync(buf, "textDocument/codeAction", params, 60000)
  local actions = (resp and resp[id] and resp[id].result) or {}
  for _, a in ipairs(actions) do say("action " .. a.kind .. " " .. a.title) end
  for _, a in ipairs(actions) do
    if a.title:match("^Replace") then
      vim.lsp.util.apply_workspace_edit(a.edit, "utf-16")
    end
  end
  say("line26 " .. vim.api.nvim_buf_get_lines(buf, 25, 26, false)[1])

  -- The re-published diagnostics no longer have the typo.
  local gone = vim.wait(180000, function()
    for _, d in ipairs(diags()) do
      if d.message:find("SMTP_FORM", 1, true) then return false end
    end
    return true
  end, 100)
  say("typo-cleared " .. tostring(gone))
  for _, d in ipairs(diags()) do say(string.format("after %d:%d %s", d.lnum + 1, d.col + 1, d.message)) end

  -- Declare SMTP_TIMEOUT_MS (line 29) in .env.example.
  params.range = { start = { line = 28, character = 40 }, ["end"] = { line = 28, character = 40 } }
  resp = vim.lsp.buf_request_sync(buf, "textDocument/codeAction", params, 60000)
  actions = (resp and resp[id] and resp[id].result) or {}
  for _, a in ipairs(actions) do
    if a.title:match("^Declare") then
      say("action " .. a.kind .. " " .. a.title)
      vim.lsp.util.apply_workspace_edit(a.edit, "utf-16")
    end
  end
  local env = vim.fn.bufnr(root .. "/.env.example")
  local lines = vim.api.nvim_buf_get_lines(env, 0, -1, false)
  say("env-last " .. lines[#lines])
  vim.lsp.stop_client(id)
  say("OK")
end

local ok, err = pcall(main)
if not ok then say("FAIL " .. tostring(err)) end
out:close()
vim.cmd("qall!")
