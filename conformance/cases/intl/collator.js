// Intl.Collator and localeCompare with locales and options: sensitivity, numeric, caseFirst,
// ignorePunctuation, tailorings (German, Spanish ñ, Swedish), sorting with a collator.
const attempt = (f) => {
  try {
    return f();
  } catch (e) {
    return `${e.name}: ${e.message}`;
  }
};

module.exports = {
  GET() {
    const words = ["résumé", "resume", "Resume", "zebra", "Äpfel", "apple", "Zürich", "ñu", "nube", "10", "9", "z-a", "za"];
    const sensitivities = ["base", "accent", "case", "variant"];
    return {
      sorted: {
        en: [...words].sort(new Intl.Collator("en").compare),
        de: [...words].sort(new Intl.Collator("de").compare),
        es: [...words].sort(new Intl.Collator("es").compare),
        sv: ["z", "ö", "å", "ä", "a", "o"].sort(new Intl.Collator("sv").compare),
        numeric: ["item10", "item9", "item1", "Item2"].sort(new Intl.Collator("en", { numeric: true }).compare),
        upperFirst: ["b", "a", "B", "A"].sort(new Intl.Collator("en", { caseFirst: "upper" }).compare),
      },
      sensitivity: sensitivities.map((sensitivity) => {
        const c = new Intl.Collator("en", { sensitivity });
        return [c.compare("a", "A"), c.compare("a", "á"), c.compare("a", "b"), c.compare("a", "a")];
      }),
      punctuation: [
        new Intl.Collator("en", { ignorePunctuation: true }).compare("z-a", "za"),
        new Intl.Collator("en").compare("z-a", "za"),
      ],
      localeCompare: [
        "ä".localeCompare("z", "de"),
        "ä".localeCompare("z", "sv"),
        "a".localeCompare("A", "en", { sensitivity: "base" }),
        "2".localeCompare("10", undefined, { numeric: true }),
        "résumé".localeCompare("resume", "fr", { sensitivity: "base" }),
      ],
      resolved: [
        new Intl.Collator().resolvedOptions(),
        new Intl.Collator("de-DE", { numeric: true, sensitivity: "base" }).resolvedOptions(),
      ],
      callable: Intl.Collator("en").compare("a", "b"),
      errors: [
        attempt(() => new Intl.Collator("en", { sensitivity: "loud" })),
        attempt(() => "a".localeCompare("b", "not a locale!")),
      ],
    };
  },
};
