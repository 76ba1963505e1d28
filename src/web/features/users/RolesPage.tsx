// /admin/peran: role names, whether MFA is required, and the permissions each grants.
import { Accordion, Badge, Button, Checkbox, Group, SimpleGrid, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PERMISSIONS, type Permission } from '../../../common/permissions.ts';
import { useDisplayLanguage } from '../../app/i18n.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { FormError } from '../../components/FormError.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { fieldErrors } from '../../lib/api-client.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { AdminTabs } from './AdminTabs.tsx';
import { roleName } from './UserFormModal.tsx';
import { useRoles, useUpdateRole, type Role } from './users.api.ts';

export function RolesPage() {
  const { t } = useTranslation('admin');
  const language = useDisplayLanguage();
  const roles = useRoles();
  usePageTitle(t('roles.title'));

  return (
    <Stack gap="md">
      <Title order={1}>{t('title')}</Title>
      <AdminTabs current="roles" />
      <Text size="sm" c="dimmed">
        {t('roles.help')}
      </Text>
      {roles.error ? (
        <ErrorState title={t('roles.loadFailed')} error={roles.error} onRetry={() => void roles.refetch()} />
      ) : !roles.data ? (
        <PageLoader />
      ) : (
        <Accordion variant="separated" multiple>
          {roles.data.map((role) => (
            <Accordion.Item key={role.key} value={role.key}>
              <Accordion.Control>
                <Group gap="xs">
                  <Text fw={500}>{roleName(role, role.key, language)}</Text>
                  <Text size="xs" c="dimmed" ff="monospace">
                    {role.key}
                  </Text>
                  <Badge size="sm" radius="sm" variant="light" color="gray">
                    {t('roles.permissionCount', { count: role.permissions.length })}
                  </Badge>
                  {role.requiresMfa && (
                    <Badge size="sm" radius="sm" variant="light" color="teal">
                      {t('roles.mfa')}
                    </Badge>
                  )}
                </Group>
              </Accordion.Control>
              <Accordion.Panel>
                <RoleForm role={role} />
              </Accordion.Panel>
            </Accordion.Item>
          ))}
        </Accordion>
      )}
    </Stack>
  );
}

function RoleForm({ role }: { role: Role }) {
  const { t } = useTranslation('admin');
  const update = useUpdateRole();
  const [nameId, setNameId] = useState(role.nameId);
  const [nameEn, setNameEn] = useState(role.nameEn);
  const [requiresMfa, setRequiresMfa] = useState(role.requiresMfa);
  const [permissions, setPermissions] = useState<Permission[]>(role.permissions);
  const server = fieldErrors(update.error);
  const dirty =
    nameId !== role.nameId ||
    nameEn !== role.nameEn ||
    requiresMfa !== role.requiresMfa ||
    permissions.length !== role.permissions.length ||
    permissions.some((p) => !role.permissions.includes(p));

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        update.mutate({ key: role.key, body: { nameId: nameId.trim(), nameEn: nameEn.trim(), requiresMfa, permissions } });
      }}
    >
      <Stack>
        <FormError error={update.error} shownFields={['nameId', 'nameEn']} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('roles.nameId')} lang="id" value={nameId} onChange={(e) => setNameId(e.currentTarget.value)} error={server.nameId} />
          <TextInput label={t('roles.nameEn')} lang="en" value={nameEn} onChange={(e) => setNameEn(e.currentTarget.value)} error={server.nameEn} />
        </SimpleGrid>
        <Switch label={t('roles.requiresMfa')} checked={requiresMfa} onChange={(e) => setRequiresMfa(e.currentTarget.checked)} />
        <Checkbox.Group label={t('roles.permissions')} value={permissions} onChange={(value) => setPermissions(value as Permission[])}>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} mt="xs" spacing="xs">
            {PERMISSIONS.map((permission) => (
              <Checkbox
                key={permission}
                value={permission}
                label={t(`permissions.${permission}`)}
                description={<Text span ff="monospace" size="xs">{permission}</Text>}
              />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <Group>
          <Button type="submit" disabled={!dirty} loading={update.isPending}>
            {t('roles.save')}
          </Button>
          {update.isSuccess && !dirty && (
            <Text size="sm" c="teal.9" role="status">
              {t('roles.saved')}
            </Text>
          )}
        </Group>
      </Stack>
    </form>
  );
}
