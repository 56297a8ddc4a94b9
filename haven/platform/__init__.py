"""Django-side safety pieces every module uses: field encryption, idempotency,
optimistic concurrency, the API error format and request middleware."""
