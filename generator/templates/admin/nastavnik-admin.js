// «Наставник»: the browser editor (Decap CMS) set up for the portal's files.
//
// * File names: a new record's file is named in Latin letters from the person's name or the title
//   («Петрова Анна Игоревна» → petrova-ai.yaml), as the generator expects; the editor types nothing.
// * File formats: YAML as Decap writes it, plus what the generator needs: empty fields are left out
//   instead of being written as "", the leading comments of a file (and the schema line for VS Code)
//   are kept, and monitoring.yaml stays a plain list.
// The settings (which collection is which kind) come from the JSON block in index.html, generated
// from the same models as config.yml.
import { YAML } from "./vendor/yaml/index.js";

const settings = JSON.parse(document.getElementById("nastavnik-admin").textContent);
const ID_FIELD = settings.id_field;
const HEADER_FIELD = settings.header_field;

const LETTERS = {
  а: "a", б: "b", в: "v", г: "g", д: "d", е: "e", ё: "e", ж: "zh", з: "z", и: "i", й: "i", к: "k", л: "l",
  м: "m", н: "n", о: "o", п: "p", р: "r", с: "s", т: "t", у: "u", ф: "f", х: "kh", ц: "ts", ч: "ch", ш: "sh",
  щ: "shch", ъ: "", ы: "y", ь: "", э: "e", ю: "yu", я: "ya", і: "i", ї: "i", є: "e", ґ: "g",
};

export function transliterate(text) {
  return Array.from(String(text || "").toLowerCase())
    .map((char) => (char in LETTERS ? LETTERS[char] : char))
    .join("")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

// «Петрова Анна Игоревна» → petrova-ai; «Вася» → vasya; a title → its first words.
export function fileId(text, style) {
  const words = String(text || "").trim().split(/\s+/).filter(Boolean);
  if (!words.length) return "";
  if (style === "person") {
    const initials = words.slice(1).map((word) => transliterate(word).charAt(0)).join("");
    return [transliterate(words[0]), initials].filter(Boolean).join("-");
  }
  let id = "";
  for (const word of words.map(transliterate).filter(Boolean)) {
    if (id && id.length + word.length + 1 > 60) break;
    id = id ? `${id}-${word}` : word;
  }
  return id;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

// What goes into the file: values Decap leaves behind when a field is emptied ("", null) are left
// out (never false or 0), and dates (fields named date, order_date) stay YAML dates, unquoted, as
// the blog plugin and the generator read them.
function prepare(value, key = "") {
  if (Array.isArray(value)) {
    return value.map((item) => prepare(item)).filter((item) => item !== undefined);
  }
  if (value && typeof value === "object" && !(value instanceof Date)) {
    const result = {};
    for (const [name, item] of Object.entries(value)) {
      const cleaned = prepare(item, name);
      if (cleaned !== undefined) result[name] = cleaned;
    }
    return result;
  }
  if (value === "" || value === null || value === undefined) return undefined;
  if (typeof value === "string" && !value.trim()) return undefined;
  if (typeof value === "string" && /(^|_)date$/.test(key) && ISO_DATE.test(value)) {
    const date = new Date(`${value}T00:00:00Z`);
    if (!Number.isNaN(date.getTime()) && date.toISOString().startsWith(value)) return date;
  }
  return value;
}

function leadingComments(text) {
  const lines = [];
  for (const line of text.split("\n")) {
    if (!line.startsWith("#")) break;
    lines.push(line);
  }
  return lines.join("\n");
}

function parseYaml(text) {
  const doc = YAML.parseDocument(text, { prettyErrors: true });
  if (doc.errors.length) {
    throw new Error(`Ошибка в YAML:\n${doc.errors.map((e) => e.message).join("\n")}`);
  }
  return doc.toJSON();
}

// Written for YAML 1.1, as the generator (PyYAML) reads it: text such as "yes" or "off" is quoted and
// stays text, dates are plain; multi-line text becomes a literal block, never folded.
YAML.scalarOptions.str.fold.lineWidth = 0;

function dumpYaml(data, order) {
  const doc = new YAML.Document({ version: "1.1" });
  doc.setSchema();
  const node = doc.schema.createNode(data, true);
  const rank = (key) => {
    const index = order.indexOf(key);
    return index === -1 ? order.length : index;
  };
  if (node.items) node.items.sort((a, b) => rank(String(a.key)) - rank(String(b.key)));
  doc.contents = node;
  return doc.toString();
}

function makeFormat(format) {
  return {
    fromFile(content) {
      let text = content || "";
      let body;
      if (format.front_matter) {
        const match = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
        body = match ? text.slice(match[0].length).replace(/^\r?\n/, "") : text;
        text = match ? match[1] : "";
      }
      let data = text.trim() ? parseYaml(text) : {};
      if (format.bare_list_of) data = { [format.bare_list_of]: Array.isArray(data) ? data : [] };
      if (!data || typeof data !== "object" || Array.isArray(data)) data = {};
      const header = leadingComments(text);
      if (header) data[HEADER_FIELD] = header;
      if (body !== undefined) data.body = body;
      return data;
    },
    toFile(data, sortedKeys = []) {
      const record = prepare({ ...data }) || {};
      const header = data[HEADER_FIELD] || format.header || "";
      delete record[HEADER_FIELD];
      delete record[ID_FIELD];
      let body;
      if (format.front_matter) {
        body = typeof data.body === "string" ? data.body : "";
        delete record.body;
      }
      const payload = format.bare_list_of ? record[format.bare_list_of] || [] : record;
      const yaml = dumpYaml(payload, sortedKeys);
      const head = header && !format.front_matter ? `${header}\n` : "";
      if (format.front_matter) {
        return `---\n${yaml}---\n\n${body.replace(/^\n+/, "")}`;
      }
      return head + yaml;
    },
  };
}

for (const [name, format] of Object.entries(settings.formats)) {
  CMS.registerCustomFormat(name, format.extension, makeFormat(format));
}

CMS.registerEventListener({
  name: "preSave",
  handler: ({ entry }) => {
    const rule = settings.file_ids[entry.get("collection")];
    const data = entry.get("data");
    if (!rule || !entry.get("newRecord") || data.get(ID_FIELD)) return undefined;
    return data.set(ID_FIELD, fileId(data.get(rule.from), rule.style) || "zapis");
  },
});

CMS.init();
