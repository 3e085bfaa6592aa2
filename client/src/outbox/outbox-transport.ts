import { fetchPremise, postInspection, postReinspection, uploadPhotos } from '../api';
import type { OutboxTransport } from './outbox';

/** The outbox's way to the server: our own API (client/src/api.ts). */
export const apiTransport: OutboxTransport = {
  async uploadPhoto(premiseId, photo, clientId) {
    const file = new File([photo.bytes], photo.name, { type: photo.mime });
    const [uploaded] = await uploadPhotos(premiseId, [file], clientId);
    return uploaded.id;
  },
  async recordsSince(premiseId, afterEventId) {
    const file = await fetchPremise(premiseId, null, { cache: 'no-store' });
    return file.events.filter((r) => r.id > afterEventId);
  },
  sendStep(premiseId, work, sent) {
    switch (work.kind) {
      case 'inspection':
        return postInspection(premiseId, { ...work.body, ...sent });
      case 'reinspection':
        return postReinspection(premiseId, { ...work.body, ...sent });
    }
  },
};
