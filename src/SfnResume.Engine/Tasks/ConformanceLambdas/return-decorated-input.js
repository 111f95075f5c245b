// Stand-in for return_decorated_input.py: returns 'input-event-' + str(event), where str() is Python's repr of the
// parsed JSON (dict/list/str/int/float/True/False/None). JSON numbers written with a fraction are Python floats
// (1.0 prints "1.0"), which JavaScript cannot tell from integers: those print without the ".0".
function pyStr(s) {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    const c = ch.codePointAt(0);
    if (ch === '\\') out += '\\\\';
    else if (ch === quote) out += '\\' + quote;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (c < 0x20 || c === 0x7f) out += '\\x' + c.toString(16).padStart(2, '0');
    else out += ch;
  }
  return out + quote;
}

function pyNumber(n) {
  // Python writes at least two exponent digits (1e-07 where JavaScript writes 1e-7).
  return String(n).replace(/e([+-])(\d)$/, 'e$10$2');
}

function pyRepr(value) {
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number') return pyNumber(value);
  if (typeof value === 'string') return pyStr(value);
  if (Array.isArray(value)) return '[' + value.map(pyRepr).join(', ') + ']';
  return '{' + Object.keys(value).map((k) => pyStr(k) + ': ' + pyRepr(value[k])).join(', ') + '}';
}

exports.handler = async (event) => 'input-event-' + pyRepr(event);
