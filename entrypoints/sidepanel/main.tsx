import { render } from 'preact';
import { ConnectedPanel } from '@/components/panel/ConnectedPanel';
import { browserPanelServices } from '@/lib/platform/panelServices';
import '@/components/styles.css';

// Made before the first render: the shown tab's page is being read while the panel mounts.
const services = browserPanelServices();
render(<ConnectedPanel services={services} />, document.getElementById('app') as HTMLElement);
