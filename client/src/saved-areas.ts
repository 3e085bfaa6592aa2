import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type AreaFieldsInput, createArea, deleteArea, updateArea } from './api';
import { areasQuery } from './queries';
import { areaDeleted, areaSaved } from './writes';

/** The saved key areas (重点区域), with their headline numbers on the campaign's last day. */
export function useSavedAreas() {
  return useQuery(areasQuery(null));
}

/** Creating, editing and deleting key areas; each write puts its answer in the list and refreshes the rest. */
export function useAreaWrites() {
  const qc = useQueryClient();
  const create = useMutation({
    mutationFn: (fields: AreaFieldsInput) => createArea(fields),
    onSuccess: (area) => void areaSaved(qc, area),
  });
  const update = useMutation({
    mutationFn: ({ id, fields }: { id: number; fields: Partial<AreaFieldsInput> }) => updateArea(id, fields),
    onSuccess: (area) => void areaSaved(qc, area),
  });
  const remove = useMutation({
    mutationFn: (id: number) => deleteArea(id),
    onSuccess: (_, id) => void areaDeleted(qc, id),
  });
  return { create: create.mutateAsync, update: update.mutateAsync, remove: remove.mutateAsync };
}
