// Run by MutoolPdfSanitizer as `mutool run sanitize.js <verb> …`, in a child process with memory and CPU limits,
// so that a hostile PDF costs only this process. It prints one line of JSON; the caller turns it into a message.
//
//   count <in.pdf>                                   {"pages":N}
//   page <in.pdf> <n> <out.pdf> <maxStream> <maxPage> <maxPixels>
//        copies page n alone into out.pdf without what a reader must not get (JavaScript, actions, annotations,
//        embedded files, forms, encryption) and measures what the page decodes to:
//                                                   {"pages":N,"streams":S,"decoded":D,"largest":L,"removed":[…]}
//   Either verb may answer {"error":"corrupt"|"encrypted"|"nopages"|"nopage"|"nocontent", …} or
//   {"limit":"stream"|"page"|"image"|"bomb"|"memory", …} when a budget is exceeded (decoding stops there).

var verb = scriptArgs[0];

function answer(value) {
    print(JSON.stringify(value));
    quit(0);
}

function open(path) {
    var doc;
    try {
        doc = new PDFDocument(path);
    } catch (e) {
        answer({ error: "corrupt", message: String(e.message || e) });
    }
    // An owner password alone (printing or copying restrictions) opens with the empty user password.
    if (doc.needsPassword() && !doc.authenticatePassword("")) {
        answer({ error: "encrypted" });
    }
    var pages;
    try {
        pages = doc.countPages();
    } catch (e) {
        answer({ error: "corrupt", message: String(e.message || e) });
    }
    if (pages < 1) {
        answer({ error: "nopages" });
    }
    return { doc: doc, pages: pages };
}

function isObject(o) {
    return typeof o === "object" && o !== null && typeof o.isIndirect === "function" && !o.isNull();
}

function nameOf(o, key) {
    var v = o.get(key);
    return isObject(v) && v.isName() ? v.asName() : null;
}

function numberOf(o, key) {
    var v = o.get(key);
    return isObject(v) && v.isNumber() ? v.asNumber() : 0;
}

// Keys that carry actions, scripts, forms, attachments or annotations, wherever they sit.
var removedKeys = ["AA", "A", "JS", "JavaScript", "OpenAction", "Annots", "AcroForm", "EF", "EmbeddedFiles", "XFA", "RichMediaContent", "Names"];

if (verb === "count") {
    answer({ pages: open(scriptArgs[1]).pages });
}

if (verb !== "page") {
    throw new Error("unknown verb " + verb);
}

var source = open(scriptArgs[1]);
var number = parseInt(scriptArgs[2], 10);
var output = scriptArgs[3];
var maxStream = parseFloat(scriptArgs[4]);
var maxPage = parseFloat(scriptArgs[5]);
var maxPixels = parseFloat(scriptArgs[6]);
if (number > source.pages) {
    answer({ error: "nopage", pages: source.pages });
}

var removed = {};
var catalog = source.doc.getTrailer().get("Root");
["OpenAction", "AA", "Names", "AcroForm"].forEach(function (key) {
    if (isObject(catalog.get(key))) {
        removed[key] = true;
    }
});
if (isObject(source.doc.getTrailer().get("Encrypt"))) {
    removed.Encrypt = true;
}

// A page that names a content stream the file does not have is damaged, not blank.
var original = source.doc.findPage(number - 1);
original.forEach(function (key, value) {
    if (key === "Contents" && !isObject(value)) {
        answer({ error: "nocontent" });
    }
});

// Grafting copies the page's content, resources and boxes (inherited ones too) and nothing else of the
// document: no catalog actions, outlines, names, forms or page annotations come along.
var out = new PDFDocument();
out.graftPage(-1, source.doc, number - 1);
var page = out.findPage(0);

var seen = {};
var streams = 0;
var decoded = 0;
var largest = 0;

// Walks everything the page refers to with a list of its own: MuJS's call stack is a few hundred frames, and
// fonts, forms and their resources nest deeper than that in a hostile file (and in some real ones).
function visitAll(root) {
    var pending = [root];
    while (pending.length > 0) {
        var o = pending.pop();
        if (!isObject(o)) {
            continue;
        }
        if (o.isIndirect()) {
            var id = o.asIndirect();
            if (seen[id]) {
                continue;
            }
            seen[id] = true;
        }
        if (o.isDictionary()) {
            removedKeys.forEach(function (key) {
                if (isObject(o.get(key))) {
                    removed[key] = true;
                    o.delete(key);
                }
            });
        }
        if (o.isStream()) {
            if (nameOf(o, "Subtype") === "Image") {
                var width = numberOf(o, "Width"), height = numberOf(o, "Height");
                if (width * height > maxPixels) {
                    answer({ limit: "image", object: o.asIndirect(), width: width, height: height });
                }
                // Images are drawn by the renderer (another limited process); the text reader does not decode them.
                pending.push(o.get("SMask"));
                pending.push(o.get("Mask"));
                continue;
            }
            measure(o);
        }
        if (o.isDictionary()) {
            o.forEach(function (key, value) {
                if (key !== "Parent") {
                    pending.push(value);
                }
            });
        } else if (o.isArray()) {
            for (var i = 0; i < o.length; i++) {
                pending.push(o.get(i));
            }
        }
    }
}

function measure(o) {
    var length;
    try {
        length = o.readStream().length;
    } catch (e) {
        // MuPDF stops inflating a stream that grows past 200 times its stored size, and fails an allocation
        // past this process's memory limit.
        var message = String(e.message || e);
        answer(message.indexOf("compression bomb") >= 0
            ? { limit: "bomb", object: o.asIndirect() }
            : /out of memory|alloc/.test(message)
                ? { limit: "memory", object: o.asIndirect() }
                : { error: "stream", object: o.asIndirect(), message: message });
    }
    streams++;
    decoded += length;
    largest = Math.max(largest, length);
    if (length > maxStream) {
        answer({ limit: "stream", object: o.asIndirect(), bytes: length });
    }
    if (decoded > maxPage) {
        answer({ limit: "page", bytes: decoded });
    }
}

visitAll(page);
out.save(output, "garbage=compact");
answer({ pages: source.pages, streams: streams, decoded: decoded, largest: largest, removed: Object.keys(removed).sort() });
