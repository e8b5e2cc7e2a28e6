package io.neuromesh.edge.internal.discovery;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.neuromesh.edge.HomeAssistant;
import io.neuromesh.edge.Topics;
import io.neuromesh.topology.ActuatorSpec;
import io.neuromesh.topology.NeuronSpec;
import io.neuromesh.topology.SensorSpec;
import io.neuromesh.topology.SynapseSpec;
import io.neuromesh.topology.Topology;
import io.neuromesh.topology.TopologyIndex;

import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;

/**
 * The Home Assistant discovery configs one node announces for what it runs: a {@code binary_sensor} per hosted output
 * neuron (one that feeds no other neuron) and per actuator on this node, a {@code switch} per virtual sensor whose first
 * fed neuron (by id) is hosted here. Config topics name no node, so an entity that moves to another node is the same
 * entity (one {@code unique_id}) whose new host overwrites the config with its own device. Pure; thread-safe.
 */
final class HaEntities {

    /** What one config announces, and what decides whether another node announces it now. */
    enum Kind { NEURON, ACTUATOR, SENSOR }

    /**
     * @param anchor the neuron whose host announces it (a neuron itself, a sensor's first fed neuron); empty for an
     *               actuator, which belongs to the node the topology names
     */
    record Entity(Kind kind, String id, Optional<String> anchor, String payload) {
    }

    private final String node;
    private final HomeAssistant settings;

    HaEntities(String node, HomeAssistant settings) {
        this.node = node;
        this.settings = settings;
    }

    /** The configs for the indexed topology with {@code hosted} running here, by config topic. */
    Map<String, Entity> of(TopologyIndex index, SortedSet<String> hosted) {
        Topology topology = index.topology();
        Map<String, Entity> configs = new TreeMap<>();
        for (NeuronSpec neuron : topology.neurons()) {
            boolean output = index.outgoing(neuron.id()).stream().noneMatch(s -> index.isNeuron(s.to()));
            if (output && hosted.contains(neuron.id())) {
                JsonObject json = entity("neuron " + neuron.id(), "neuron_" + neuron.id(), Topics.output(neuron.id()),
                        "{{ 'ON' if value_json.value == 1 else 'OFF' }}");
                configs.put(topic("binary_sensor", neuron.id()),
                        new Entity(Kind.NEURON, neuron.id(), Optional.of(neuron.id()), json.toString()));
            }
        }
        for (ActuatorSpec actuator : index.actuatorsOn(node)) {
            JsonObject json = entity("actuator " + actuator.id(), "actuator_" + actuator.id(),
                    Topics.nodeGpio(node, actuator.pin()), "{{ 'ON' if value_json.active else 'OFF' }}");
            configs.put(topic("binary_sensor", actuator.id()),
                    new Entity(Kind.ACTUATOR, actuator.id(), Optional.empty(), json.toString()));
        }
        for (SensorSpec sensor : topology.sensors()) {
            Optional<String> first = index.outgoing(sensor.id()).stream().map(SynapseSpec::to).sorted().findFirst();
            if (sensor.isVirtual() && first.isPresent() && hosted.contains(first.get())) {
                JsonObject json = entity("sensor " + sensor.id(), "sensor_" + sensor.id(), Topics.state(first.get()),
                        "{{ 'ON' if (value_json.sensors['" + sensor.id() + "'] | default(0)) == 1 else 'OFF' }}");
                json.addProperty("command_topic", Topics.sensorSet(sensor.id()));
                json.addProperty("payload_on", "1");
                json.addProperty("payload_off", "0");
                configs.put(topic("switch", sensor.id()), new Entity(Kind.SENSOR, sensor.id(), first, json.toString()));
            }
        }
        return configs;
    }

    /** {@code <prefix>/<component>/neuromesh/<id>/config}. */
    String topic(String component, String id) {
        return settings.prefix() + "/" + component + "/neuromesh/" + id + "/config";
    }

    /** {@code <prefix>/status}, where Home Assistant publishes its birth message. */
    String birthTopic() {
        return settings.prefix() + "/status";
    }

    private JsonObject entity(String name, String object, String stateTopic, String valueTemplate) {
        JsonObject json = new JsonObject();
        json.addProperty("name", name);
        json.addProperty("unique_id", "neuromesh_" + object);
        json.addProperty("object_id", "neuromesh_" + object);
        json.addProperty("state_topic", stateTopic);
        json.addProperty("value_template", valueTemplate);
        JsonObject availability = new JsonObject();
        availability.addProperty("topic", Topics.nodeStatus(node));
        // The node's status is JSON; its Last Will says "offline" too, so a crashed node's entities go unavailable.
        availability.addProperty("value_template", "{{ 'offline' if value_json.state == 'offline' else 'online' }}");
        JsonArray availabilities = new JsonArray();
        availabilities.add(availability);
        json.add("availability", availabilities);
        json.add("device", device());
        return json;
    }

    private JsonObject device() {
        JsonObject device = new JsonObject();
        JsonArray identifiers = new JsonArray();
        identifiers.add("neuromesh_" + node);
        device.add("identifiers", identifiers);
        device.addProperty("name", "Neuromesh " + node);
        device.addProperty("model", "Neuromesh edge");
        device.addProperty("manufacturer", "Neuromesh");
        device.addProperty("sw_version", settings.softwareVersion());
        return device;
    }
}
