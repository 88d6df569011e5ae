/** The service definitions this installation offers, loaded once at start-up (later: from service packages). */
import { bewohnerparkausweis } from '../../services/bewohnerparkausweis/service.ts';
import type { ServiceDefinition } from '../forms/types.ts';

export interface ServiceRegistry {
  list(): readonly ServiceDefinition[];
  find(id: string): ServiceDefinition | undefined;
  findVersion(id: string, version: string): ServiceDefinition | undefined;
}

export function createServiceRegistry(
  services: readonly ServiceDefinition[] = [bewohnerparkausweis],
): ServiceRegistry {
  const byId = new Map(services.map((service) => [service.id, service]));
  return {
    list: () => services,
    find: (id) => byId.get(id),
    findVersion: (id, version) => services.find((s) => s.id === id && s.version === version),
  };
}
