/// The templates of `Templates/`, compiled into the binary by the EmbedTemplates plugin.
///
/// They are what `update`, `chart` and `new` render with when no folder is given, and what a folder given
/// (`--templates DIR`, or the config's `templates:`) falls back to for each template it does not hold; so a
/// binary copied alone works, and overriding one template does not mean copying them all. `texts` is generated
/// at build time from the files themselves (see Plugins/EmbedTemplates), so the two cannot differ.
public enum DefaultTemplates {}
