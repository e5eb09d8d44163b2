-- Drives a real Neovim (0.7 or later) as an LSP client of dist/server.js, headless:
--   PW_SERVER=dist/server.js PW_FILE=<manifest> PW_OUT=<result.json> nvim --headless --clean -u test/editors/neovim.lua
-- Opens PW_FILE, waits for the server's diagnostics (vim.diagnostic.get), then puts the cursor after
-- `defaultPolicy: ` and asks for completion; writes what it saw as JSON to PW_OUT and quits.
local out = assert(os.getenv('PW_OUT'), 'PW_OUT not set')
local result = { diagnostics = {}, items = {}, errors = {} }

local function finish()
  local file = assert(io.open(out, 'w'))
  file:write(vim.fn.json_encode(result))
  file:close()
  vim.cmd('qall!')
end

local function run()
  vim.cmd('filetype on') -- -u skips the defaults; the editors.md setup keys on FileType
  local path = assert(os.getenv('PW_FILE'), 'PW_FILE not set')
  vim.cmd('edit ' .. vim.fn.fnameescape(path))
  local buf = vim.api.nvim_get_current_buf()
  result.filetype = vim.bo[buf].filetype
  -- The same start as docs/editors.md's Neovim 0.7 setup (vim.lsp.start needs 0.8).
  local client = vim.lsp.start_client({
    name = 'plugin-workbench',
    cmd = { 'node', assert(os.getenv('PW_SERVER')), '--stdio' },
    root_dir = vim.fn.fnamemodify(path, ':p:h'),
  })
  vim.lsp.buf_attach_client(buf, client)
  result.got_diagnostics = vim.wait(30000, function() return #vim.diagnostic.get(buf) > 0 end, 50)
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    local lsp = d.user_data and d.user_data.lsp or {}
    table.insert(result.diagnostics, { line = d.lnum, col = d.col, code = d.code or lsp.code, severity = d.severity, source = d.source, message = d.message })
  end
  -- Completion after `defaultPolicy: ` (0-based line and character, as LSP counts).
  for index, text in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
    local start = text:find('defaultPolicy: ', 1, true)
    if start then
      vim.api.nvim_buf_set_lines(buf, index - 1, index, false, { 'defaultPolicy: ' })
      -- As in insert mode after the space (a normal-mode cursor cannot stand past the last character).
      local params = { textDocument = vim.lsp.util.make_text_document_params(buf), position = { line = index - 1, character = #'defaultPolicy: ' } }
      result.position = params.position
      local responses = vim.lsp.buf_request_sync(buf, 'textDocument/completion', params, 20000) or {}
      for _, response in pairs(responses) do
        if response.err then table.insert(result.errors, vim.inspect(response.err)) end
        local items = response.result and (response.result.items or response.result) or {}
        for _, item in ipairs(items) do table.insert(result.items, item.label) end
      end
      break
    end
  end
end

local ok, err = pcall(run)
if not ok then table.insert(result.errors, tostring(err)) end
finish()
