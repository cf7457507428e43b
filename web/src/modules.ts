// The console's modules, in menu order. The router and the side menu are both built from this
// list. `permission` is what the API requires to use the module's main page; modules that are not
// built yet have no API and so no permission to check.
import type { Component } from 'vue'
import {
  ChatDotRound,
  DataAnalysis,
  Document,
  Flag,
  Monitor,
  Search,
  Service,
  Setting,
  TrendCharts,
  User,
} from '@element-plus/icons-vue'

export interface ConsoleModule {
  key: string // route name, path segment, i18n key under `menu.`
  permission?: string
  built: boolean
  icon: Component
}

export const MODULES: ConsoleModule[] = [
  { key: 'customers', permission: 'customers.read', built: true, icon: User },
  { key: 'monitoring', built: false, icon: Monitor },
  { key: 'screening', built: false, icon: Search },
  { key: 'complaints', built: false, icon: ChatDotRound },
  { key: 'risk', permission: 'risk.read', built: true, icon: TrendCharts },
  { key: 'engagement', built: false, icon: DataAnalysis },
  { key: 'assist', built: false, icon: Service },
  { key: 'kpi', built: false, icon: Flag },
  { key: 'audit', permission: 'audit.read', built: true, icon: Document },
  { key: 'users', permission: 'users.manage', built: true, icon: Setting },
]
