// Create a user, or edit one's name, roles and scope.
import { Button, Group, Modal, MultiSelect, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserView } from '../../../common/users.ts';
import { useDisplayLanguage } from '../../app/i18n.ts';
import { FormError } from '../../components/FormError.tsx';
import { fieldErrors } from '../../lib/api-client.ts';
import { MIN_PASSWORD_LENGTH } from '../auth/ChangePasswordForm.tsx';
import { ScopeInput } from './ScopeInput.tsx';
import { useCreateUser, useRoles, useUpdateUser, type Role } from './users.api.ts';

export function roleName(role: Role | undefined, key: string, language: 'id' | 'en'): string {
  if (!role) return key;
  return language === 'en' ? role.nameEn : role.nameId;
}

type UserFormModalProps = {
  /** null: closed; 'new': create; a user: edit. */
  target: UserView | 'new' | null;
  onClose: () => void;
  onCreated: (username: string, generatedPassword: string | null) => void;
};

export function UserFormModal({ target, onClose, onCreated }: UserFormModalProps) {
  const { t } = useTranslation('admin');
  return (
    <Modal opened={target !== null} onClose={onClose} title={target === 'new' ? t('form.createTitle') : t('form.editTitle')} size="lg">
      {target !== null && <UserForm key={target === 'new' ? 'new' : target.id} target={target} onClose={onClose} onCreated={onCreated} />}
    </Modal>
  );
}

function scopeValue(user: UserView | 'new'): string {
  if (user === 'new') return '';
  return user.scope.level === 'national' ? 'national' : user.scope.code;
}

function UserForm({ target, onClose, onCreated }: { target: UserView | 'new'; onClose: () => void; onCreated: UserFormModalProps['onCreated'] }) {
  const { t } = useTranslation('admin');
  const language = useDisplayLanguage();
  const roles = useRoles();
  const create = useCreateUser();
  const update = useUpdateUser();
  const isNew = target === 'new';
  const [username, setUsername] = useState(isNew ? '' : target.username);
  const [displayName, setDisplayName] = useState(isNew ? '' : target.displayName);
  const [roleKeys, setRoleKeys] = useState<string[]>(isNew ? [] : target.roles);
  const [scope, setScope] = useState(scopeValue(target));
  const [password, setPassword] = useState('');
  const [checked, setChecked] = useState(false);
  const mutation = isNew ? create : update;
  const server = fieldErrors(mutation.error);

  const local = {
    username: !isNew || /^[a-z0-9][a-z0-9._-]{2,39}$/.test(username.trim().toLowerCase()) ? undefined : t('form.usernameRule'),
    displayName: displayName.trim().length >= 2 ? undefined : t('form.required'),
    roles: roleKeys.length > 0 ? undefined : t('form.rolesRequired'),
    scope: /^(national|\d{2}(\.\d{2})?)$/.test(scope) ? undefined : t('form.scopeRequired'),
    password: !password || password.length >= MIN_PASSWORD_LENGTH ? undefined : t('form.passwordTooShort', { min: MIN_PASSWORD_LENGTH }),
  };
  const show = (key: keyof typeof local) => server[key] ?? (checked ? local[key] : undefined);

  const submit = () => {
    setChecked(true);
    if (Object.values(local).some(Boolean)) return;
    if (isNew) {
      create.mutate(
        {
          username: username.trim().toLowerCase(),
          displayName: displayName.trim(),
          roles: roleKeys,
          scope,
          ...(password ? { password } : {}),
        },
        {
          onSuccess: (result) => {
            onClose();
            onCreated(result.user.username, result.generatedPassword);
          },
        },
      );
    } else {
      update.mutate({ id: target.id, body: { displayName: displayName.trim(), roles: roleKeys, scope } }, { onSuccess: onClose });
    }
  };

  const roleOptions = (roles.data ?? []).map((role) => ({ value: role.key, label: roleName(role, role.key, language) }));

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <Stack>
        <FormError error={mutation.error} shownFields={['username', 'displayName', 'roles', 'scope', 'password']} />
        <TextInput
          label={t('form.username')}
          description={isNew ? t('form.usernameRule') : undefined}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          required
          disabled={!isNew}
          value={username}
          onChange={(event) => setUsername(event.currentTarget.value)}
          error={show('username')}
          data-autofocus
        />
        <TextInput label={t('form.displayName')} required value={displayName} onChange={(event) => setDisplayName(event.currentTarget.value)} error={show('displayName')} />
        <MultiSelect
          label={t('form.roles')}
          data={roleOptions}
          value={roleKeys}
          onChange={setRoleKeys}
          required
          searchable
          error={show('roles') ?? (roles.error ? t('form.rolesFailed') : undefined)}
          comboboxProps={{ withinPortal: false }}
        />
        <ScopeInput value={scope} onChange={setScope} error={show('scope')} />
        {isNew && (
          <PasswordInput
            label={t('form.password')}
            description={t('form.passwordHelp')}
            autoComplete="new-password"
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
            error={show('password')}
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('form.cancel')}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {isNew ? t('form.create') : t('form.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
