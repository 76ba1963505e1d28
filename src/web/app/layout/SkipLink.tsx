import { useTranslation } from 'react-i18next';
import classes from './SkipLink.module.css';

/** First tab stop: jumps past the header and navigation to the page content. */
export function SkipLink() {
  const { t } = useTranslation();
  return (
    <a href="#main" className={classes.skipLink}>
      {t('app.skipToContent')}
    </a>
  );
}
