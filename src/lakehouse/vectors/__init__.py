"""Vector search: chunked, embedded indexes with HNSW (faiss), exact fallback, refresh and autotune."""
