"""Writers: Document -> Result[bytes] (or files). See converter.formats.OUTPUTS."""
