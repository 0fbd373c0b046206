// Link-only module for the system ICU (libicu-dev). It deliberately includes no ICU header:
// a Swift module that imports Foundation must never see ICU's types (Foundation embeds its own
// ICU), so only CICUShim's .c file includes <unicode/...>. See docs/architecture.md.
