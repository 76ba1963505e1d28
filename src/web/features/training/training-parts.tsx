// Small shared pieces of the training pages: the completion badge and name helpers.
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CompletionStatus, Course } from '../../../common/training.ts';
import { useDisplayLanguage } from '../../app/i18n.ts';

const COMPLETION_COLOR: Record<CompletionStatus, string> = { in_progress: 'blue', completed: 'teal', not_completed: 'red', withdrawn: 'gray' };

export function CompletionBadge({ status }: { status: CompletionStatus }) {
  const { t } = useTranslation('training');
  return (
    <Badge color={COMPLETION_COLOR[status]} variant="light">
      {t(`completion.${status}`)}
    </Badge>
  );
}

/** A course's name in the display language. */
export function useCourseName(): (c: Pick<Course, 'nameId' | 'nameEn'> | { courseNameId: string; courseNameEn: string }) => string {
  const language = useDisplayLanguage();
  return (c) => ('nameId' in c ? (language === 'en' ? c.nameEn : c.nameId) : language === 'en' ? c.courseNameEn : c.courseNameId);
}
