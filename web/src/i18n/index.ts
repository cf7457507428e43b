// vue-i18n setup: zh-CN is the default, English the alternative. The chosen language is kept in
// localStorage (a preference, not a credential) and mirrored on <html lang>.
import { createI18n } from 'vue-i18n'
import en from './en'
import zhCN from './zh-CN'

export const SUPPORTED_LOCALES = ['zh-CN', 'en'] as const
export type AppLocale = (typeof SUPPORTED_LOCALES)[number]

const STORAGE_KEY = 'finguard.locale'

function initialLocale(): AppLocale {
  const saved = localStorage.getItem(STORAGE_KEY)
  return (SUPPORTED_LOCALES as readonly string[]).includes(saved ?? '') ? (saved as AppLocale) : 'zh-CN'
}

export const i18n = createI18n({
  legacy: false,
  locale: initialLocale(),
  fallbackLocale: 'en',
  messages: { 'zh-CN': zhCN, en },
})

export function setLocale(locale: AppLocale): void {
  i18n.global.locale.value = locale
  localStorage.setItem(STORAGE_KEY, locale)
  document.documentElement.lang = locale
}

document.documentElement.lang = i18n.global.locale.value
