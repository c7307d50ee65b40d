// Prometheus metrics (GET /metrics).
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

export interface Metrics {
  readonly registry: Registry;
  readonly httpRequests: Histogram<'route' | 'method' | 'status'>;
  readonly diagnoses: Counter<'verdict' | 'surface'>;
  readonly requestChanges: Counter<'status'>;
}

/** A fresh registry with the process metrics and License Doctor's own. */
export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'license_doctor_' });
  return {
    registry,
    httpRequests: new Histogram({
      name: 'license_doctor_http_request_duration_seconds', help: 'HTTP requests by route, method and status',
      labelNames: ['route', 'method', 'status'], registers: [registry], buckets: [0.005, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    }),
    diagnoses: new Counter({ name: 'license_doctor_diagnoses_total', help: 'Diagnoses by verdict and surface', labelNames: ['verdict', 'surface'], registers: [registry] }),
    requestChanges: new Counter({ name: 'license_doctor_request_changes_total', help: 'Request state changes by resulting status', labelNames: ['status'], registers: [registry] }),
  };
}
