"""Transforms: Document -> Result[Document], placed before a writer."""
